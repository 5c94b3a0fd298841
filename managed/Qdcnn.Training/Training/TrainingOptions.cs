using static TorchSharp.torch;

namespace Qdcnn.Training;

/// <summary>The training schedule: optimiser, batches, epochs, seed, precision and threads.</summary>
public sealed record TrainingOptions
{
    /// <summary>Adam learning rate (spec: 0.05).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Adam β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam β2 (the spec's 0.999; TorchSharp's own default differs, so it is always passed).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam ε.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Number of epochs.</summary>
    public int Epochs { get; init; } = 40;

    /// <summary>Seed of the run: model initialisation, shuffling, the validation split and dropout.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Element type of the model and of the TF-IDF tensors.</summary>
    public ScalarType Dtype { get; init; } = ScalarType.Float64;

    /// <summary>
    /// libtorch intra-op threads (process-wide), or null to leave libtorch's setting. Default 1: the models are
    /// small, and libtorch's spinning worker threads made a 40-epoch run ~10× slower on a busy 2-core machine.
    /// </summary>
    public int? Threads { get; init; } = 1;

    /// <summary>
    /// Also evaluate the test set after every epoch and report the best test epoch, as the paper did.
    /// Optimistic (selection on test); never used for model selection; labelled in every output.
    /// </summary>
    public bool PaperProtocol { get; init; }

    /// <summary>Fraction of the training data held out (stratified) for validation when there is no dev split.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Require(LearningRate > 0 && double.IsFinite(LearningRate), "lr", $"must be a positive number; got {LearningRate}");
        Require(Beta1 is >= 0 and < 1, "beta1", $"must lie in [0, 1); got {Beta1}");
        Require(Beta2 is >= 0 and < 1, "beta2", $"must lie in [0, 1); got {Beta2}");
        Require(Epsilon > 0, "eps", $"must be positive; got {Epsilon}");
        Require(BatchSize >= 1, "batch-size", $"must be at least 1; got {BatchSize}");
        Require(Epochs >= 1, "epochs", $"must be at least 1; got {Epochs}");
        Require(Dtype is ScalarType.Float32 or ScalarType.Float64, "dtype", $"must be float32 or float64; got {Dtype}");
        Require(Threads is null or >= 1, "threads", $"must be at least 1; got {Threads}");
        Require(ValidationFraction is > 0 and < 1, "validation-fraction", $"must lie in (0, 1); got {ValidationFraction}");
    }

    private static void Require(bool condition, string option, string message)
    {
        if (!condition) throw new ArgumentException($"--{option} {message}.", option);
    }
}
