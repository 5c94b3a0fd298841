namespace Qdcnn.Models.Checkpoints;

/// <summary>
/// A model that can take the authors' trained weights from the reference checkpoint file
/// (<see cref="ReferenceCheckpoint"/>), so that their published scores can be reproduced.
/// </summary>
public interface IReferenceWeightsLoadable
{
    /// <summary>Copies <paramref name="weights"/> into this model's parameters.</summary>
    /// <exception cref="InvalidDataException">A tensor's shape does not fit this model's configuration.</exception>
    /// <exception cref="KeyNotFoundException">A tensor is missing.</exception>
    void LoadReferenceWeights(ReferenceModelWeights weights);
}
