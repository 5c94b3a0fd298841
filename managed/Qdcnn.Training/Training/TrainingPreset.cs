using Qdcnn.Models;
using Qdcnn.Text;

namespace Qdcnn.Training;

/// <summary>
/// A named set of hyper-parameters from the spec's table (MSFF-SPEC.md, "Hyper-parameters"): the
/// training schedule, the pipeline's sequence length and the model's architecture settings.
/// The vocabulary size and class count come from the data at training time.
/// </summary>
/// <param name="Name">Preset name (<c>mc</c> or <c>rp</c>).</param>
/// <param name="Training">Adam lr 0.05 (β 0.9/0.999, ε 1e-8), batch 8/6, epochs 40/100.</param>
/// <param name="Pipeline">seq_len 6/5.</param>
/// <param name="Model">rep 1/5, H after encoding no/yes, L 1/2, kernel 3, depth 1/2.</param>
public sealed record TrainingPreset(string Name, TrainingOptions Training, PipelineOptions Pipeline, ModelConfig Model)
{
    /// <summary>The MC preset.</summary>
    public static TrainingPreset Mc { get; } = new(
        "mc",
        new TrainingOptions { LearningRate = 0.05, BatchSize = 8, Epochs = 40 },
        PipelineOptions.Mc,
        ModelConfig.Mc);

    /// <summary>The RP preset.</summary>
    public static TrainingPreset Rp { get; } = new(
        "rp",
        new TrainingOptions { LearningRate = 0.05, BatchSize = 6, Epochs = 100 },
        PipelineOptions.Rp,
        ModelConfig.Rp);

    /// <summary>Names of the presets.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mc", "rp"];

    /// <summary>The preset named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static TrainingPreset Named(string name) => name?.ToLowerInvariant() switch
    {
        "mc" => Mc,
        "rp" => Rp,
        _ => throw new ArgumentException($"Unknown preset '{name}'; known presets: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// The model configuration for data with <paramref name="vocabularySize"/> words (UNK and PAD included)
    /// and <paramref name="classes"/> classes, in <paramref name="options"/>' dtype and seed.
    /// </summary>
    public ModelConfig ModelFor(int vocabularySize, int classes, int seqLen, TrainingOptions options) => Model with
    {
        VocabSize = vocabularySize,
        NumClasses = classes,
        SeqLen = seqLen,
        Dtype = options.Dtype,
        Seed = options.Seed,
    };
}
