using System.Diagnostics;
using Qdcnn.Models;
using Qdcnn.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training;

/// <summary>
/// Mini-batch training with Adam (<see cref="FusedAdam"/>: torch.optim.Adam's update in managed code) and softmax
/// cross-entropy, and model selection on a validation split.
/// The trainer never sees test data: <see cref="Fit"/> takes only the training and validation splits;
/// whatever an <c>afterEpoch</c> observer does runs after that epoch's selection decision is final.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> for <see cref="TrainingOptions.Epochs"/> epochs and keeps a copy of the
    /// weights of the epoch with the best validation accuracy (ties: lower validation loss, then earlier).
    /// The model is left with its last-epoch weights.
    /// </summary>
    /// <param name="model">A freshly built model (its dtype must be <see cref="TrainingOptions.Dtype"/>).</param>
    /// <param name="train">Training split (shuffled every epoch with a generator seeded from <see cref="TrainingOptions.Seed"/>).</param>
    /// <param name="validation">Validation split used for selection.</param>
    /// <param name="options">Schedule; <see cref="TrainingOptions.Threads"/> and the seed set libtorch's process-wide state.</param>
    /// <param name="afterEpoch">Called after each epoch's metrics and selection are final; may return the test accuracy
    /// (paper protocol) to be recorded beside the epoch, or null.</param>
    public static FitResult Fit(TextClassifier model, EncodedDataset train, EncodedDataset validation, TrainingOptions options,
        Func<EpochMetrics, TextClassifier, double?>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0) throw new ArgumentException("The training split is empty.", nameof(train));
        if (validation.Count == 0) throw new ArgumentException("The validation split is empty.", nameof(validation));

        if (options.Threads is int threads) torch.set_num_threads(threads);
        // Process-wide RNG (dropout); initialisation and shuffling use their own generators.
        torch.manual_seed(options.Seed);
        using var shuffle = new Generator(unchecked((ulong)options.Seed * 0x9E3779B97F4A7C15UL + 1), CPU);
        var optimizer = new FusedAdam(model.parameters(), options.LearningRate, options.Beta1, options.Beta2, options.Epsilon);

        var epochs = new List<EpochMetrics>(options.Epochs);
        Dictionary<string, Tensor>? best = null;
        EpochMetrics? bestMetrics = null;
        var total = Stopwatch.StartNew();
        try
        {
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                var (trainLoss, trainAccuracy) = TrainEpoch(model, optimizer, train, options.BatchSize, shuffle);
                var validationResult = Evaluator.Evaluate(model, validation);
                clock.Stop();
                var metrics = new EpochMetrics(epoch, trainLoss, trainAccuracy, validationResult.Loss, validationResult.Accuracy,
                    clock.Elapsed.TotalSeconds);

                if (bestMetrics is null || IsBetter(metrics, bestMetrics))
                {
                    DisposeState(best);
                    best = Snapshot(model);
                    bestMetrics = metrics;
                }
                // Selection for this epoch is final here; the observer cannot influence it.
                double? test = afterEpoch?.Invoke(metrics, model);
                epochs.Add(test is null ? metrics : metrics with { PaperProtocolTestAccuracy = test });
            }
        }
        catch
        {
            DisposeState(best);
            throw;
        }
        total.Stop();
        return new FitResult(epochs, bestMetrics!.Epoch, best!, total.Elapsed.TotalSeconds);
    }

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="incumbent"/>: higher validation accuracy, then lower validation loss.</summary>
    internal static bool IsBetter(EpochMetrics candidate, EpochMetrics incumbent) =>
        candidate.ValidationAccuracy > incumbent.ValidationAccuracy
        || (candidate.ValidationAccuracy == incumbent.ValidationAccuracy && candidate.ValidationLoss < incumbent.ValidationLoss);

    /// <summary>Copies every tensor of the model's state_dict (detached, outside any dispose scope).</summary>
    public static Dictionary<string, Tensor> Snapshot(TextClassifier model)
    {
        using var noGrad = no_grad();
        var copy = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, value) in model.state_dict())
        {
            using var detached = value.detach();
            copy[name] = detached.clone().DetachFromDisposeScope();
        }
        return copy;
    }

    /// <summary>Copies <paramref name="state"/> into the model's parameters and buffers (names and shapes must match).</summary>
    public static void Restore(TextClassifier model, IReadOnlyDictionary<string, Tensor> state)
    {
        using var noGrad = no_grad();
        var target = model.state_dict();
        foreach (var (name, value) in state)
        {
            if (!target.TryGetValue(name, out var destination))
                throw new ArgumentException($"The model has no state entry '{name}'.", nameof(state));
            destination.copy_(value);
        }
    }

    private static (double Loss, double Accuracy) TrainEpoch(TextClassifier model, FusedAdam optimizer,
        EncodedDataset train, int batchSize, Generator shuffle)
    {
        model.train();
        double lossSum = 0;
        long correct = 0;
        using var order = randperm(train.Count, generator: shuffle);
        for (long start = 0; start < train.Count; start += batchSize)
        {
            using var step = NewDisposeScope();
            long length = Math.Min(batchSize, train.Count - start);
            var indices = order.narrow(0, start, length);
            var batch = train.Batch(indices);
            var labels = train.LabelsAt(indices);
            optimizer.ZeroGrad();
            var logits = model.forward(batch);
            var loss = nn.functional.cross_entropy(logits, labels);
            loss.backward();
            optimizer.Step();
            lossSum += loss.ToDouble() * length;
            correct += Predictions.CountCorrect(logits, labels);
        }
        return (lossSum / train.Count, (double)correct / train.Count);
    }

    private static void DisposeState(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var t in state.Values) t.Dispose();
    }
}
