namespace Qdcnn.Interop;

/// <summary>Owns an observable (qdcnn_observable); releasing it calls qdcnn_observable_destroy.</summary>
public sealed unsafe class ObservableHandle : QdcnnHandle
{
    private ObservableHandle(QdcnnObservable* pointer) : base((nint)pointer)
    {
    }

    /// <summary>The native pointer; use it only inside a <see cref="QdcnnHandle.Lease"/>.</summary>
    public QdcnnObservable* Pointer => (QdcnnObservable*)handle;

    /// <summary>Takes ownership of a pointer just returned by qdcnn_observable_create (or a parser).</summary>
    public static ObservableHandle Own(QdcnnObservable* pointer) => new(pointer);

    /// <inheritdoc />
    protected override bool ReleaseHandle() => NativeMethods.qdcnn_observable_destroy((QdcnnObservable*)handle) == QdcnnStatus.Ok;
}
