using Qdcnn.Models;
using Qdcnn.Text;
using Qdcnn.Text.Data;

namespace Qdcnn.Training;

/// <summary>
/// A model together with everything needed to use it on raw text: the fitted pipeline (vocabulary, idf,
/// options) and the label map. Owns the model.
/// </summary>
/// <param name="Model">The classifier (its name and config say how to rebuild it).</param>
/// <param name="Pipeline">Text pipeline fitted on the training split.</param>
/// <param name="Labels">Class index ↔ label text.</param>
public sealed record TrainedModel(TextClassifier Model, TextPipeline Pipeline, LabelMap Labels) : IDisposable
{
    /// <summary>Encodes labelled sentences; a label unknown to the model is a <see cref="DatasetException"/> naming file and line.</summary>
    public EncodedDataset Encode(IReadOnlyList<LabeledSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var classes = Labels.Encode(sentences);
        var encoded = Pipeline.Encode(sentences.Select(s => s.Text).ToList());
        return EncodedDataset.From(encoded, classes, Model.Config.Dtype);
    }

    /// <summary>Encodes unlabelled texts (class 0 is used as a placeholder label).</summary>
    public EncodedDataset EncodeUnlabelled(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var encoded = Pipeline.Encode(texts);
        return EncodedDataset.From(encoded, new int[texts.Count], Model.Config.Dtype);
    }

    /// <summary>Disposes the model.</summary>
    public void Dispose() => Model.Dispose();
}
