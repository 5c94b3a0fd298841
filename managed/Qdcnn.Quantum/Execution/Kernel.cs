using Qdcnn.Interop;

namespace Qdcnn.Quantum;

// Mirrors the C enum; the values equal the native ones (checked by EnumMirrorTests).

/// <summary>State-vector kernel implementations.</summary>
public enum Kernel
{
    /// <summary>The best kernel this CPU supports (or the one QDCNN_KERNEL names).</summary>
    Auto = QdcnnKernel.Auto,

    /// <summary>The portable reference kernel.</summary>
    Scalar = QdcnnKernel.Scalar,

    /// <summary>AVX2 + FMA.</summary>
    Avx2 = QdcnnKernel.Avx2,

    /// <summary>AVX-512.</summary>
    Avx512 = QdcnnKernel.Avx512,
}
