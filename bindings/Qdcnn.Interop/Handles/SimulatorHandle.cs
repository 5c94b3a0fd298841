namespace Qdcnn.Interop;

/// <summary>Owns a simulator (qdcnn_simulator); releasing it calls qdcnn_simulator_destroy.</summary>
public sealed unsafe class SimulatorHandle : QdcnnHandle
{
    private SimulatorHandle(QdcnnSimulator* pointer) : base((nint)pointer)
    {
    }

    /// <summary>The native pointer; use it only inside a <see cref="QdcnnHandle.Lease"/>.</summary>
    public QdcnnSimulator* Pointer => (QdcnnSimulator*)handle;

    /// <summary>Takes ownership of a pointer just returned by qdcnn_simulator_create (or a parser).</summary>
    public static SimulatorHandle Own(QdcnnSimulator* pointer) => new(pointer);

    /// <inheritdoc />
    protected override bool ReleaseHandle() => NativeMethods.qdcnn_simulator_destroy((QdcnnSimulator*)handle) == QdcnnStatus.Ok;
}
