namespace Qdcnn.Interop;

/// <summary>Owns a circuit (qdcnn_circuit); releasing it calls qdcnn_circuit_destroy.</summary>
public sealed unsafe class CircuitHandle : QdcnnHandle
{
    private CircuitHandle(QdcnnCircuit* pointer) : base((nint)pointer)
    {
    }

    /// <summary>The native pointer; use it only inside a <see cref="QdcnnHandle.Lease"/>.</summary>
    public QdcnnCircuit* Pointer => (QdcnnCircuit*)handle;

    /// <summary>Takes ownership of a pointer just returned by qdcnn_circuit_create (or a parser).</summary>
    public static CircuitHandle Own(QdcnnCircuit* pointer) => new(pointer);

    /// <inheritdoc />
    protected override bool ReleaseHandle() => NativeMethods.qdcnn_circuit_destroy((QdcnnCircuit*)handle) == QdcnnStatus.Ok;
}
