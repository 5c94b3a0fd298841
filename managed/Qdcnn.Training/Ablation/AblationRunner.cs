using Qdcnn.Models;
using Qdcnn.Models.Quantum;
using Qdcnn.Text.Data;

namespace Qdcnn.Training;

/// <summary>One variant's line of the ablation table.</summary>
/// <param name="Model">Registry name.</param>
/// <param name="Description">What the variant removes.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="Cnots">CNOTs executed per sentence.</param>
/// <param name="ControlledRotations">Controlled rotations executed per sentence.</param>
/// <param name="TestAccuracy">Test accuracy of the validation-selected model over seeds.</param>
/// <param name="LastEpochTestAccuracy">Test accuracy of the last epoch over seeds.</param>
/// <param name="TrainSeconds">Training time over seeds.</param>
public sealed record AblationRow(string Model, string Description, long Parameters, long Cnots, long ControlledRotations,
    MeanStd TestAccuracy, MeanStd LastEpochTestAccuracy, MeanStd TrainSeconds);

/// <summary>
/// Trains the full quantum deep CNN and each ablation (<see cref="QdcnnVariants.Ablations"/>) over the same seeds
/// with <see cref="Experiment.Run"/> (validation-based selection; the test set is scored only after selection).
/// </summary>
public static class AblationRunner
{
    /// <summary>The variants in table order.</summary>
    public static IReadOnlyList<string> Variants => QdcnnVariants.Ablations.Select(a => a.Name).ToList();

    /// <summary>Runs every variant × seed and summarises each variant.</summary>
    /// <param name="splits">Data.</param>
    /// <param name="settingsFor">The settings per variant name (same preset and schedule for all).</param>
    /// <param name="seeds">Seeds (at least one).</param>
    /// <param name="onRun">Progress: variant, seed, result (the result is disposed after the call).</param>
    public static IReadOnlyList<AblationRow> Run(DatasetSplits splits, Func<string, ExperimentSettings> settingsFor, IReadOnlyList<long> seeds,
        Action<string, long, RunResult>? onRun = null)
    {
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(settingsFor);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) throw new ArgumentException("At least one seed is needed.", nameof(seeds));
        var rows = new List<AblationRow>();
        foreach (var (name, description, _) in QdcnnVariants.Ablations)
        {
            var settings = settingsFor(name);
            var accuracy = new List<double>();
            var last = new List<double>();
            var seconds = new List<double>();
            long parameters = 0, cnots = 0, controlled = 0;
            foreach (long seed in seeds)
            {
                using var run = Experiment.Run(splits, settings, seed);
                var model = run.Trained.Model;
                parameters = model.ParameterCount;
                if (model is IQdcnnGateCounted counted)
                    (cnots, controlled) = (counted.GatesPerSentence.Cnots, counted.GatesPerSentence.ControlledRotations);
                accuracy.Add(run.SelectedTest.Accuracy);
                last.Add(run.LastEpochTest.Accuracy);
                seconds.Add(run.TrainSeconds);
                onRun?.Invoke(name, seed, run);
            }
            rows.Add(new AblationRow(name, description, parameters, cnots, controlled, MeanStd.Of(accuracy), MeanStd.Of(last), MeanStd.Of(seconds)));
        }
        return rows;
    }
}
