using Qdcnn.Interop;

namespace Qdcnn.Quantum.Tests;

/// <summary>Every managed object frees its native handle.</summary>
public sealed class LifetimeTests
{
    [Fact]
    public void DisposingReleasesEveryNativeHandle()
    {
        var before = NativeDiagnostics.LiveHandleCount();
        using (var circuit = new Circuit(2).H(0).Cnot(0, 1))
        using (var observable = Observable.ZOnEachQubit(2))
        using (var simulator = new Simulator())
        using (var state = simulator.Run(circuit))
        {
            _ = state.Expectation(observable);
            _ = simulator.Forward(circuit, observable, Array.Empty<double>(), Array.Empty<double>(), 3);
            Assert.Equal(before + 4, NativeDiagnostics.LiveHandleCount());
        }

        Assert.Equal(before, NativeDiagnostics.LiveHandleCount());
    }

    [Fact]
    public void FailedRunDoesNotLeakTheStateItCreated()
    {
        var before = NativeDiagnostics.LiveHandleCount();
        using (var circuit = new Circuit(2).InitialAmplitudesFromInputs(0, 2))
        using (var simulator = new Simulator())
        {
            Assert.Throws<ArgumentException>(() => simulator.Run(circuit, inputs: [0.0, 0.0]));
        }

        Assert.Equal(before, NativeDiagnostics.LiveHandleCount());
    }

    [Fact]
    public void UsingADisposedObjectThrowsObjectDisposed()
    {
        var circuit = new Circuit(1);
        circuit.Dispose();
        Assert.Throws<ObjectDisposedException>(() => circuit.H(0));
        using var simulator = new Simulator();
        Assert.Throws<ObjectDisposedException>(() => simulator.Run(circuit).Dispose());
    }
}
