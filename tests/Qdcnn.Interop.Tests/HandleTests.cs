using System.Runtime.CompilerServices;

namespace Qdcnn.Interop.Tests;

/// <summary>SafeHandles destroy what they own: the library's live-handle count returns to where it started.</summary>
public sealed unsafe class HandleTests
{
    [Fact]
    public void DisposingEveryKindOfHandleReleasesIt()
    {
        var before = NativeDiagnostics.LiveHandleCount();
        var handles = CreateOneOfEach();
        Assert.Equal(before + 4, NativeDiagnostics.LiveHandleCount());
        foreach (var handle in handles)
        {
            handle.Dispose();
        }

        Assert.Equal(before, NativeDiagnostics.LiveHandleCount());
    }

    [Fact]
    public void UndisposedHandlesAreReleasedByTheFinalizer()
    {
        var before = NativeDiagnostics.LiveHandleCount();
        CreateAndDrop();
        for (var i = 0; i < 5 && NativeDiagnostics.LiveHandleCount() != before; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal(before, NativeDiagnostics.LiveHandleCount());
    }

    [Fact]
    public void LeaseOnADisposedHandleThrowsObjectDisposed()
    {
        var handles = CreateOneOfEach();
        foreach (var handle in handles)
        {
            handle.Dispose();
            Assert.Throws<ObjectDisposedException>(() =>
            {
                using var lease = handle.Lease();
            });
        }
    }

    [Fact]
    public void DisposeDuringALeaseDefersTheDestroy()
    {
        var before = NativeDiagnostics.LiveHandleCount();
        QdcnnCircuit* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_circuit_create(1, &pointer));
        var handle = CircuitHandle.Own(pointer);
        using (handle.Lease())
        {
            handle.Dispose();
            Assert.Equal(before + 1, NativeDiagnostics.LiveHandleCount());
        }

        Assert.Equal(before, NativeDiagnostics.LiveHandleCount());
    }

    [Fact]
    public void EveryOpaqueTypeHasOneSafeHandle()
    {
        var assembly = typeof(NativeMethods).Assembly;
        var opaqueTypes = assembly.GetTypes()
            .Where(t => t.IsValueType && t.GetCustomAttributes(typeof(NativeNameAttribute), false).Length == 1 && !t.IsEnum)
            .Select(t => t.Name)
            .Order()
            .ToList();
        var handles = assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(QdcnnHandle)))
            .Select(t => "Qdcnn" + t.Name[..^"Handle".Length])
            .Order()
            .ToList();
        Assert.Equal(opaqueTypes, handles);
    }

    [Fact]
    public void WrappingNullIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => CircuitHandle.Own(null));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateAndDrop() => _ = CreateOneOfEach();

    private static List<QdcnnHandle> CreateOneOfEach()
    {
        QdcnnCircuit* circuit;
        QdcnnObservable* observable;
        QdcnnState* state;
        QdcnnSimulator* simulator;
        NativeStatus.Check(NativeMethods.qdcnn_circuit_create(2, &circuit));
        var handles = new List<QdcnnHandle> { CircuitHandle.Own(circuit) };
        NativeStatus.Check(NativeMethods.qdcnn_observable_create(2, &observable));
        handles.Add(ObservableHandle.Own(observable));
        NativeStatus.Check(NativeMethods.qdcnn_state_create(2, (int)QdcnnPrecision.Complex128, &state));
        handles.Add(StateHandle.Own(state));
        NativeStatus.Check(NativeMethods.qdcnn_simulator_create((int)QdcnnPrecision.Complex128, &simulator));
        handles.Add(SimulatorHandle.Own(simulator));
        return handles;
    }
}
