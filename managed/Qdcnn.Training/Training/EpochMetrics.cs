namespace Qdcnn.Training;

/// <summary>What one epoch produced. Test accuracy is present only under the paper protocol.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean cross-entropy over the epoch's mini-batches (weighted by batch size, training mode).</param>
/// <param name="TrainAccuracy">Accuracy on the mini-batches as they were trained (training mode, before each step).</param>
/// <param name="ValidationLoss">Cross-entropy on the validation split after the epoch (evaluation mode).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation split after the epoch.</param>
/// <param name="Seconds">Wall time of the epoch's training steps and validation.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, double Seconds)
{
    /// <summary>
    /// Test accuracy after this epoch — only with <see cref="TrainingOptions.PaperProtocol"/>, for the
    /// paper's best-on-test figure; never used to select a model.
    /// </summary>
    public double? PaperProtocolTestAccuracy { get; init; }
}
