namespace Qdcnn.Interop;

/// <summary>Owns a state vector (qdcnn_state); releasing it calls qdcnn_state_destroy.</summary>
public sealed unsafe class StateHandle : QdcnnHandle
{
    private StateHandle(QdcnnState* pointer) : base((nint)pointer)
    {
    }

    /// <summary>The native pointer; use it only inside a <see cref="QdcnnHandle.Lease"/>.</summary>
    public QdcnnState* Pointer => (QdcnnState*)handle;

    /// <summary>Takes ownership of a pointer just returned by qdcnn_state_create (or a parser).</summary>
    public static StateHandle Own(QdcnnState* pointer) => new(pointer);

    /// <inheritdoc />
    protected override bool ReleaseHandle() => NativeMethods.qdcnn_state_destroy((QdcnnState*)handle) == QdcnnStatus.Ok;
}
