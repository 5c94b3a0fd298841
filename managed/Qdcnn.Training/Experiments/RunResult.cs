namespace Qdcnn.Training;

/// <summary>
/// One seed's run: the selected model (validation-selected weights loaded), its curves and its honest
/// test figures; the paper protocol's best-on-test figure only when asked for. Owns the model.
/// </summary>
public sealed class RunResult : IDisposable
{
    internal RunResult(long seed, TrainedModel trained, IReadOnlyList<EpochMetrics> epochs, int selectedEpoch,
        string validationSource, Evaluation selectedTest, Evaluation lastEpochTest, double trainSeconds)
    {
        Seed = seed;
        Trained = trained;
        Epochs = epochs;
        SelectedEpoch = selectedEpoch;
        ValidationSource = validationSource;
        SelectedTest = selectedTest;
        LastEpochTest = lastEpochTest;
        TrainSeconds = trainSeconds;
        var scored = epochs.Where(e => e.PaperProtocolTestAccuracy is not null).ToList();
        if (scored.Count > 0)
        {
            var best = scored.MaxBy(e => e.PaperProtocolTestAccuracy!.Value)!; // first of equal maxima
            PaperProtocolBestEpoch = best.Epoch;
            PaperProtocolBestTestAccuracy = best.PaperProtocolTestAccuracy;
        }
    }

    /// <summary>The run's seed.</summary>
    public long Seed { get; }

    /// <summary>The selected model with its pipeline and labels.</summary>
    public TrainedModel Trained { get; }

    /// <summary>Per-epoch metrics.</summary>
    public IReadOnlyList<EpochMetrics> Epochs { get; }

    /// <summary>1-based epoch chosen on the validation split.</summary>
    public int SelectedEpoch { get; }

    /// <summary>Which data the selection used (the dev file, or a stratified part of train).</summary>
    public string ValidationSource { get; }

    /// <summary>Test scores of the selected model.</summary>
    public Evaluation SelectedTest { get; }

    /// <summary>Test scores of the last epoch's model.</summary>
    public Evaluation LastEpochTest { get; }

    /// <summary>Training wall time (all epochs).</summary>
    public double TrainSeconds { get; }

    /// <summary>Best-on-test epoch (paper protocol, optimistic) or null when the protocol was off.</summary>
    public int? PaperProtocolBestEpoch { get; }

    /// <summary>Best test accuracy over epochs (paper protocol, optimistic) or null when the protocol was off.</summary>
    public double? PaperProtocolBestTestAccuracy { get; }

    /// <summary>Disposes the model.</summary>
    public void Dispose() => Trained.Dispose();
}
