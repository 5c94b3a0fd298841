using Qdcnn.Interop;

namespace Qdcnn.Quantum;

// Mirrors the C enum; the values equal the native ones (checked by EnumMirrorTests).

/// <summary>Single-qubit Pauli operators.</summary>
public enum Pauli
{
    /// <summary>Identity.</summary>
    I = QdcnnPauli.I,

    /// <summary>Pauli X.</summary>
    X = QdcnnPauli.X,

    /// <summary>Pauli Y.</summary>
    Y = QdcnnPauli.Y,

    /// <summary>Pauli Z.</summary>
    Z = QdcnnPauli.Z,
}
