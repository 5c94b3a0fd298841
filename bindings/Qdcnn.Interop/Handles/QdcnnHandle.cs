using System.Runtime.InteropServices;

namespace Qdcnn.Interop;

/// <summary>
/// Base of the SafeHandles that own a native Qdcnn object. The pointer is valid between
/// <see cref="Lease"/> and the lease's Dispose, even if another thread disposes the handle
/// meanwhile (the destroy call is then deferred until the lease ends).
/// </summary>
public abstract class QdcnnHandle : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="pointer"/> (non-null, created by the matching create function).</summary>
    protected QdcnnHandle(nint pointer) : base(invalidHandleValue: 0, ownsHandle: true)
    {
        if (pointer == 0)
        {
            throw new ArgumentNullException(nameof(pointer), "A Qdcnn handle cannot wrap a null pointer.");
        }

        SetHandle(pointer);
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// Keeps the native object alive for the duration of a native call; throws
    /// <see cref="ObjectDisposedException"/> if the handle was already disposed.
    /// </summary>
    public HandleLease Lease() => new(this);
}

/// <summary>A reference on a <see cref="QdcnnHandle"/> held for the duration of a native call.</summary>
public readonly ref struct HandleLease
{
    private readonly SafeHandle? _handle;

    internal HandleLease(SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        _handle = handle;
    }

    /// <summary>Releases the reference taken by <see cref="QdcnnHandle.Lease"/>.</summary>
    public void Dispose() => _handle?.DangerousRelease();
}
