using Qdcnn.Interop;

namespace Qdcnn.Quantum;

// Mirrors the C enum; the values equal the native ones (checked by NoiseEnumMirrorTests).

/// <summary>
/// Noise channels, each with one probability p in [0, 1]. Kraus forms:
/// depolarizing (1 − p)ρ + p/3 (XρX + YρY + ZρZ), so ⟨Z⟩ of |0⟩ becomes 1 − 4p/3;
/// two-qubit depolarizing (1 − p)ρ + p/15 Σ over the 15 non-identity Pauli pairs;
/// amplitude damping with decay probability γ = p; phase damping with λ = p (coherences shrink by √(1 − p));
/// bit flip (1 − p)ρ + p XρX; phase flip (1 − p)ρ + p ZρZ.
/// </summary>
public enum NoiseChannel
{
    /// <summary>One-qubit depolarizing, applied to each qubit of the gate.</summary>
    Depolarizing = QdcnnNoiseChannel.Depolarizing,

    /// <summary>Two-qubit depolarizing on both qubits of a two-qubit gate (only after two-qubit gates).</summary>
    Depolarizing2 = QdcnnNoiseChannel.Depolarizing2,

    /// <summary>Amplitude damping: |1⟩ decays to |0⟩ with probability p.</summary>
    AmplitudeDamping = QdcnnNoiseChannel.AmplitudeDamping,

    /// <summary>Phase damping: off-diagonal terms shrink by √(1 − p).</summary>
    PhaseDamping = QdcnnNoiseChannel.PhaseDamping,

    /// <summary>X with probability p.</summary>
    BitFlip = QdcnnNoiseChannel.BitFlip,

    /// <summary>Z with probability p.</summary>
    PhaseFlip = QdcnnNoiseChannel.PhaseFlip,
}
