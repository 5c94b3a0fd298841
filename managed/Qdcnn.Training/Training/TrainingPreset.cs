using Qdcnn.Models;
using Qdcnn.Text;

namespace Qdcnn.Training;

/// <summary>
/// A named set of hyper-parameters: the training schedule, the pipeline's sequence length and the model's
/// architecture settings. <see cref="Mc"/> and <see cref="Rp"/> are the spec's table (MSFF-SPEC.md,
/// "Hyper-parameters"); <see cref="Embedded"/> is tuned for the embedded generated corpus.
/// The vocabulary size and class count come from the data at training time.
/// </summary>
/// <param name="Name">Preset name (<c>mc</c>, <c>rp</c> or <c>embedded</c>).</param>
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

    /// <summary>
    /// The preset for the embedded generated corpus (no <c>--data</c>): rep 5, no H, L 2, depth 2, seq_len 6,
    /// lr 0.05, batch 8, 30 epochs. Not from the spec: chosen by a grid search over rep, H, L, depth, lr, batch and
    /// epochs for msff-qdconv scored only on the corpus's dev split (several training seeds and corpus seeds; the test
    /// split was never encoded during the search). With the MC preset the 6-qubit vocabulary of this corpus
    /// (41 ids) is too much for one embedding layer, and dev accuracy stayed below 90 %.
    /// </summary>
    public static TrainingPreset Embedded { get; } = new(
        "embedded",
        new TrainingOptions { LearningRate = 0.05, BatchSize = 8, Epochs = 30 },
        PipelineOptions.Mc,
        ModelConfig.Mc with { EmbeddingLayers = 5, HadamardAfterEncoding = false, ConvLayers = 2, ConvDepth = 2 });

    /// <summary>Names of the presets.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mc", "rp", "embedded"];

    /// <summary>The preset named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static TrainingPreset Named(string name) => name?.ToLowerInvariant() switch
    {
        "mc" => Mc,
        "rp" => Rp,
        "embedded" => Embedded,
        _ => throw new ArgumentException($"Unknown preset '{name}'; known presets: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// The preset used when none is named: <see cref="Embedded"/> for the embedded generated corpus
    /// (<paramref name="data"/> null or blank, as in <see cref="DataSource.Load"/>), otherwise <see cref="Mc"/>.
    /// </summary>
    public static TrainingPreset DefaultFor(string? data) => string.IsNullOrWhiteSpace(data) ? Embedded : Mc;

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
