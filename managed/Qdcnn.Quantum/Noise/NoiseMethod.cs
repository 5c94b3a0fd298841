using Qdcnn.Interop;

namespace Qdcnn.Quantum;

// Mirrors the C enum; the values equal the native ones (checked by NoiseEnumMirrorTests).

/// <summary>How a noisy forward pass simulates noise.</summary>
public enum NoiseMethod
{
    /// <summary>Exact density-matrix evolution (at most <see cref="NoiseModel.MaxDensityMatrixQubits"/> qubits).</summary>
    DensityMatrix = QdcnnNoiseMethod.DensityMatrix,

    /// <summary>Seeded Monte-Carlo trajectories on a state vector; error shrinks as 1/√trajectories.</summary>
    Trajectories = QdcnnNoiseMethod.Trajectories,
}
