using Qdcnn.Models;
using Qdcnn.Models.Checkpoints;
using Qdcnn.Text;
using Qdcnn.Text.Data;

namespace Qdcnn.Training;

/// <summary>
/// Builds a <see cref="TrainedModel"/> from the authors' checkpoint file: the spec's vocabulary and idf
/// table for MC or RP, the preset's architecture, and the stored weights. Generic over the model catalog:
/// any registered model whose class implements <see cref="IReferenceWeightsLoadable"/> can be scored
/// (today the classical and quantum MSFF models).
/// </summary>
public static class ReferenceModels
{
    /// <summary>Datasets the file holds.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["MC", "RP"];

    /// <summary>Loads <paramref name="modelName"/> trained on <paramref name="dataset"/> (MC or RP) from <paramref name="checkpointPath"/>.</summary>
    /// <exception cref="ArgumentException">Unknown dataset or model, or the model cannot take reference weights.</exception>
    /// <exception cref="FileNotFoundException">The checkpoint file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed or a tensor does not fit.</exception>
    /// <exception cref="KeyNotFoundException">The file has no entry for this dataset/model.</exception>
    public static TrainedModel Load(string checkpointPath, string dataset, string modelName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        string ds = dataset.ToUpperInvariant();
        if (!Datasets.Contains(ds))
            throw new ArgumentException($"Unknown reference dataset '{dataset}'; use MC or RP.", nameof(dataset));
        var registration = ModelFactory.Find(modelName);

        var reference = ReferenceCheckpoint.Load(checkpointPath);
        var weights = reference.Model(ds, registration.Name);
        var vocabulary = Vocabulary.FromMapping(reference.Vocabulary(ds));
        var tfIdf = TfIdf.FromIdf(reference.Idf(ds));
        var preset = TrainingPreset.Named(ds);
        var pipeline = TextPipeline.FromParts(preset.Pipeline, vocabulary, tfIdf);
        var config = preset.Model with { VocabSize = vocabulary.Count, NumClasses = 2, SeqLen = preset.Pipeline.SeqLen };
        var model = registration.Create(config);
        try
        {
            if (model is not IReferenceWeightsLoadable loadable)
                throw new ArgumentException(
                    $"Model '{registration.Name}' ({model.GetType().Name}) cannot load the authors' weights: it does not implement {nameof(IReferenceWeightsLoadable)}.",
                    nameof(modelName));
            loadable.LoadReferenceWeights(weights);
            model.eval();
            return new TrainedModel(model, pipeline, LabelMap.FromLabels(["0", "1"]));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
