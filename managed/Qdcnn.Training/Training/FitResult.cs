using static TorchSharp.torch;

namespace Qdcnn.Training;

/// <summary>
/// The outcome of <see cref="Trainer.Fit"/>: per-epoch metrics, the epoch chosen on the validation split
/// and a copy of that epoch's weights. Owns the copies; dispose it when done.
/// </summary>
public sealed class FitResult : IDisposable
{
    internal FitResult(IReadOnlyList<EpochMetrics> epochs, int selectedEpoch, Dictionary<string, Tensor> selectedState, double seconds)
    {
        Epochs = epochs;
        SelectedEpoch = selectedEpoch;
        SelectedState = selectedState;
        Seconds = seconds;
    }

    /// <summary>Metrics of every epoch, in order.</summary>
    public IReadOnlyList<EpochMetrics> Epochs { get; }

    /// <summary>1-based epoch with the best validation accuracy (ties: lower validation loss, then earlier).</summary>
    public int SelectedEpoch { get; }

    /// <summary>The model's state_dict after <see cref="SelectedEpoch"/> (detached copies).</summary>
    public IReadOnlyDictionary<string, Tensor> SelectedState { get; }

    /// <summary>Total wall time of training (all epochs, validation included).</summary>
    public double Seconds { get; }

    /// <summary>Disposes the copied weights.</summary>
    public void Dispose()
    {
        foreach (var t in SelectedState.Values) t.Dispose();
    }
}
