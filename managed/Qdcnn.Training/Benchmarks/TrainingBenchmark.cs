using Qdcnn.Models;
using Qdcnn.Text;
using Qdcnn.Text.Data;

namespace Qdcnn.Training.Benchmarks;

/// <summary>What <see cref="TrainingBenchmark.Run"/> measures.</summary>
/// <param name="DataFolder">A folder with train, optional dev, and test files (e.g. ../shared/datasets/mc).</param>
/// <param name="Preset">Hyper-parameters (mc or rp).</param>
/// <param name="ModelName">Registered model name (e.g. msff-qdconv).</param>
/// <param name="Epochs">Measured epochs per thread count (after the warm-up).</param>
/// <param name="WarmupEpochs">Epochs trained first and not measured (JIT, first-touch, caches).</param>
/// <param name="Threads">libtorch intra-op thread counts to measure, each with a fresh model.</param>
/// <param name="Dtype">Element type (the figures are float64).</param>
/// <param name="Seed">Seed of initialisation and shuffling.</param>
public sealed record TrainingBenchmarkOptions(string DataFolder, TrainingPreset Preset, string ModelName, int Epochs = 20,
    int WarmupEpochs = 3, IReadOnlyList<int>? Threads = null, TorchSharp.torch.ScalarType Dtype = TorchSharp.torch.ScalarType.Float64,
    long Seed = 1)
{
    /// <summary>Thread counts to measure (default 1 and 2).</summary>
    public IReadOnlyList<int> ThreadCounts => Threads ?? [1, 2];
}

/// <summary>One measured configuration of <see cref="TrainingBenchmark"/>.</summary>
/// <param name="Preset">Preset name.</param>
/// <param name="Model">Model name.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="TrainSentences">Sentences trained on per epoch.</param>
/// <param name="EvaluationSentences">Sentences evaluated per epoch (the validation split of the trainer).</param>
/// <param name="Parameters">Trainable parameters of the model.</param>
/// <param name="MillisecondsPerEpoch">Per-epoch wall time (training + evaluation) over the measured epochs.</param>
/// <param name="CpuMillisecondsPerEpoch">Process CPU time (all threads) per epoch, measured between the trainer's
/// after-epoch callbacks: on a machine shared with other work this tracks the quiet-machine wall time better.</param>
/// <param name="PeakResidentBytes">Process VmHWM after this configuration ran (process-wide peak so far), or null.</param>
/// <param name="FinalTrainAccuracy">Training accuracy of the last epoch (a sanity check that it trained).</param>
public sealed record TrainingBenchmarkResult(string Preset, string Model, int Threads, int TrainSentences, int EvaluationSentences,
    long Parameters, TimingSummary MillisecondsPerEpoch, TimingSummary CpuMillisecondsPerEpoch, long? PeakResidentBytes, double FinalTrainAccuracy);

/// <summary>
/// Training throughput: trains a model with <see cref="Trainer.Fit"/> exactly as <c>qdcnn train</c> does (Adam, mini-batches,
/// evaluation of the validation split after every epoch) and reports the per-epoch wall time after a warm-up.
/// The training split is the folder's train file; the evaluated split is its dev file, else its test file
/// (for MC: train on 70, evaluate on 30).
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Runs every thread count of <paramref name="options"/> with a freshly built model.</summary>
    /// <exception cref="DatasetException">The data folder is missing or malformed.</exception>
    /// <exception cref="ArgumentException">Bad epochs or thread counts, or an unknown model.</exception>
    public static IReadOnlyList<TrainingBenchmarkResult> Run(TrainingBenchmarkOptions options, Action<TrainingBenchmarkResult>? onResult = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Epochs < 1) throw new ArgumentException($"--epochs must be at least 1; got {options.Epochs}.", nameof(options));
        if (options.WarmupEpochs < 0) throw new ArgumentException($"--warmup must be at least 0; got {options.WarmupEpochs}.", nameof(options));
        if (options.ThreadCounts.Count == 0 || options.ThreadCounts.Any(t => t < 1))
            throw new ArgumentException("--threads needs one or more counts ≥ 1.", nameof(options));
        ModelFactory.Find(options.ModelName);

        var splits = DatasetLoader.LoadFolder(options.DataFolder);
        var evaluated = splits.Dev ?? splits.Test;
        var pipeline = TextPipeline.Fit(splits.Train.Select(s => s.Text), options.Preset.Pipeline);
        var results = new List<TrainingBenchmarkResult>();
        foreach (int threads in options.ThreadCounts)
        {
            var training = options.Preset.Training with
            {
                Epochs = options.WarmupEpochs + options.Epochs,
                Threads = threads,
                Seed = options.Seed,
                Dtype = options.Dtype,
            };
            var config = options.Preset.ModelFor(pipeline.VocabularySize, splits.Labels.Count, pipeline.SequenceLength, training);
            using var trained = new TrainedModel(ModelFactory.Create(options.ModelName, config), pipeline, splits.Labels);
            using var trainSet = trained.Encode(splits.Train);
            using var evaluationSet = trained.Encode(evaluated);
            var cpu = new List<double>();
            double last = ProcessCpuTime.Milliseconds();
            using var fit = Trainer.Fit(trained.Model, trainSet, evaluationSet, training, (metrics, _) =>
            {
                double now = ProcessCpuTime.Milliseconds();
                if (metrics.Epoch > options.WarmupEpochs) cpu.Add(now - last);
                last = now;
                return null;
            });
            var measured = fit.Epochs.Skip(options.WarmupEpochs).Select(e => e.Seconds * 1000).ToArray();
            long parameters = trained.Model.parameters().Sum(p => p.numel());
            var result = new TrainingBenchmarkResult(options.Preset.Name, options.ModelName, threads, splits.Train.Count, evaluated.Count,
                parameters, TimingSummary.Of(measured), TimingSummary.Of(cpu), ProcessMemory.PeakResidentBytes(), fit.Epochs[^1].TrainAccuracy);
            results.Add(result);
            onResult?.Invoke(result);
        }
        return results;
    }
}
