using Qdcnn.Text;

namespace Qdcnn.Training;

/// <summary>What to train: a model name from the catalog, the preset it starts from, and the overrides.</summary>
/// <param name="ModelName">Registry name (see <c>ModelCatalog</c>).</param>
/// <param name="Preset">Architecture and default schedule.</param>
/// <param name="Training">The schedule actually used (the preset's, with command-line overrides); its seed is replaced per run.</param>
/// <param name="Pipeline">Pipeline options (the preset's sequence length unless overridden).</param>
public sealed record ExperimentSettings(string ModelName, TrainingPreset Preset, TrainingOptions Training, PipelineOptions Pipeline)
{
    /// <summary>Settings that use <paramref name="preset"/> unchanged.</summary>
    public static ExperimentSettings FromPreset(string modelName, TrainingPreset preset) =>
        new(modelName, preset, preset.Training, preset.Pipeline);
}
