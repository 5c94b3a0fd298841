using System.Diagnostics;
using Qdcnn.Models;
using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training;

/// <summary>Scores a model on a split in evaluation mode, without gradients, batch by batch.</summary>
public static class Evaluator
{
    /// <summary>Default number of sentences per forward pass.</summary>
    public const int DefaultBatchSize = 256;

    /// <summary>
    /// Logits, loss and accuracy of <paramref name="model"/> on <paramref name="data"/>. The model is put
    /// in evaluation mode and restored to its previous mode afterwards.
    /// </summary>
    public static Evaluation Evaluate(TextClassifier model, EncodedDataset data, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var stopwatch = Stopwatch.StartNew();
            var parts = new List<Tensor>();
            for (long start = 0; start < data.Count; start += batchSize)
            {
                long length = Math.Min(batchSize, data.Count - start);
                var batch = data.Slice(start, length);
                parts.Add(model.forward(batch));
            }
            stopwatch.Stop();
            int classes = model.Config.NumClasses;
            if (parts.Count == 0)
                return new Evaluation(0, 0, 0, [], classes, [], 0);
            var logits = parts.Count == 1 ? parts[0] : cat(parts, 0);
            if (logits.dtype != ScalarType.Float64) logits = logits.to_type(ScalarType.Float64);
            double loss = nn.functional.cross_entropy(logits, data.Labels).item<double>();
            double[] values = TensorMemory.Span<double>(logits.contiguous()).ToArray();
            long[] labels = TensorMemory.Span<long>(data.Labels.contiguous()).ToArray();
            int correct = 0;
            for (int i = 0; i < labels.Length; i++)
                if (Predictions.ArgMax(values.AsSpan(i * classes, classes)) == labels[i]) correct++;
            return new Evaluation((int)data.Count, correct, loss, values, classes, labels, stopwatch.Elapsed.TotalSeconds);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
