using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// Owns a noise model (qdcnn_noise_model); releasing it calls qdcnn_noise_model_destroy.
/// It follows the handles of bindings/Qdcnn.Interop/Handles but lives with the noise API, whose
/// area owns it; it can move there unchanged.
/// </summary>
internal sealed unsafe class NoiseModelHandle : QdcnnHandle
{
    private NoiseModelHandle(QdcnnNoiseModel* pointer) : base((nint)pointer)
    {
    }

    /// <summary>The native pointer; use it only inside a <see cref="QdcnnHandle.Lease"/>.</summary>
    public QdcnnNoiseModel* Pointer => (QdcnnNoiseModel*)handle;

    /// <summary>Takes ownership of a pointer just returned by qdcnn_noise_model_create.</summary>
    public static NoiseModelHandle Own(QdcnnNoiseModel* pointer) => new(pointer);

    /// <inheritdoc />
    protected override bool ReleaseHandle() => NativeMethods.qdcnn_noise_model_destroy((QdcnnNoiseModel*)handle) == QdcnnStatus.Ok;
}
