using Qdcnn.Interop;

namespace Qdcnn.Quantum;

// Mirrors the C enum; the values equal the native ones (checked by EnumMirrorTests).

/// <summary>Floating-point precision of a state vector.</summary>
public enum Precision
{
    /// <summary>Two float32 per amplitude (up to 30 qubits).</summary>
    Complex64 = QdcnnPrecision.Complex64,

    /// <summary>Two float64 per amplitude (up to 29 qubits).</summary>
    Complex128 = QdcnnPrecision.Complex128,
}
