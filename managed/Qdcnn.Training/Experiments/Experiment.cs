using Qdcnn.Models;
using Qdcnn.Text;
using Qdcnn.Text.Data;

namespace Qdcnn.Training;

/// <summary>
/// The evaluation protocol: for each seed, pick the validation split (dev file, else a stratified part of
/// train), fit the pipeline on the remaining training sentences only, train, select the epoch on
/// validation, and only then score the test set — for the selected model and for the last epoch.
/// </summary>
public static class Experiment
{
    /// <summary>Label used wherever the paper's best-on-test figure appears.</summary>
    public const string PaperProtocolLabel = "best-on-test (paper protocol, optimistic)";

    /// <summary>Runs one seed. The caller owns (disposes) the result.</summary>
    /// <param name="splits">Train, optional dev, and test sentences.</param>
    /// <param name="settings">Model, preset and schedule.</param>
    /// <param name="seed">Seed of this run (initialisation, shuffling, validation split, dropout).</param>
    /// <param name="onEpoch">Progress callback after each epoch.</param>
    public static RunResult Run(DatasetSplits splits, ExperimentSettings settings, long seed, Action<EpochMetrics>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(settings);
        var options = settings.Training with { Seed = seed };
        options.Validate();
        ModelFactory.Find(settings.ModelName); // unknown names fail before any work

        IReadOnlyList<LabeledSentence> train, validation;
        string validationSource;
        if (splits.Dev is not null)
        {
            (train, validation, validationSource) = (splits.Train, splits.Dev, "dev split");
        }
        else
        {
            var (kept, heldOut) = StratifiedSplitter.Split(splits.Train, options.ValidationFraction, unchecked((int)seed));
            (train, validation) = (kept, heldOut);
            validationSource = $"stratified {options.ValidationFraction:P0} of train (seed {seed})";
        }

        var labels = splits.Labels;
        var pipeline = TextPipeline.Fit(train.Select(s => s.Text), settings.Pipeline);
        var config = settings.Preset.ModelFor(pipeline.VocabularySize, labels.Count, pipeline.SequenceLength, options);
        var model = ModelFactory.Create(settings.ModelName, config);
        var trained = new TrainedModel(model, pipeline, labels);
        try
        {
            using var trainSet = trained.Encode(train);
            using var validationSet = trained.Encode(validation);
            using var testSet = trained.Encode(splits.Test);

            Func<EpochMetrics, TextClassifier, double?> afterEpoch = (metrics, m) =>
            {
                double? test = options.PaperProtocol ? Evaluator.Evaluate(m, testSet).Accuracy : null;
                onEpoch?.Invoke(test is null ? metrics : metrics with { PaperProtocolTestAccuracy = test });
                return test;
            };
            using var fit = Trainer.Fit(model, trainSet, validationSet, options, afterEpoch);

            // Selection is final: the test set is scored now, for the last epoch and for the selected one.
            var lastEpochTest = Evaluator.Evaluate(model, testSet);
            Trainer.Restore(model, fit.SelectedState);
            var selectedTest = Evaluator.Evaluate(model, testSet);
            model.eval();
            return new RunResult(seed, trained, fit.Epochs, fit.SelectedEpoch, validationSource, selectedTest, lastEpochTest, fit.Seconds);
        }
        catch
        {
            trained.Dispose();
            throw;
        }
    }
}
