using Qdcnn.Models;
using Qdcnn.Text.Data;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests.Noise;

/// <summary>Fresh quantum models and data for the noise tests (no training needed: the logits are what is compared).</summary>
internal static class NoiseTestModels
{
    /// <summary>A seeded model with the MC architecture fitted to a small generated corpus, and that corpus's test split encoded.</summary>
    public static (TrainedModel Trained, EncodedDataset Test) Build(string model, int testSize = 24)
    {
        var splits = TinyData.Corpus(train: 40, dev: 10, test: testSize);
        var labels = LabelMap.FromTraining(splits.Train);
        var (pipeline, test) = TinyData.Encode(splits.Train, labels, splits.Test);
        var trained = new TrainedModel(ModelFactory.Create(model, TinyData.Config(pipeline)), pipeline, labels);
        trained.Model.eval();
        return (trained, test);
    }

    /// <summary>Logits [Count × C] of the whole set as doubles (evaluation mode, no gradients).</summary>
    public static double[] Logits(TextClassifier model, EncodedDataset data)
    {
        using var _ = no_grad();
        using var batch = data.Slice(0, data.Count);
        using var logits = model.forward(batch).to_type(ScalarType.Float64).contiguous();
        return logits.data<double>().ToArray();
    }
}
