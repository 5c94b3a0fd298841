using System.Collections.Concurrent;
using Qdcnn.Quantum;

namespace Qdcnn.Torch;

/// <summary>
/// Native simulators for one precision, lent to one caller at a time. The native rule is that a
/// simulator handle is never used by two threads at once: <see cref="Rent"/> hands out a simulator
/// nobody else holds (creating one when all are busy) and <see cref="Return"/> puts it back.
/// Thread-safe.
/// </summary>
public sealed class SimulatorPool : IDisposable
{
    private readonly ConcurrentBag<Simulator> _idle = new();
    private readonly ConcurrentBag<Simulator> _all = new();
    private volatile bool _disposed;

    /// <summary>Creates an empty pool whose simulators run states of <paramref name="precision"/>.</summary>
    public SimulatorPool(Precision precision) => Precision = precision;

    /// <summary>State precision of the pooled simulators.</summary>
    public Precision Precision { get; }

    /// <summary>Number of simulators created so far (at most the peak number of concurrent users).</summary>
    public int Created => _all.Count;

    /// <summary>A simulator for the caller's exclusive use until it is returned.</summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public Simulator Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var simulator)) return simulator;
        simulator = new Simulator(Precision);
        _all.Add(simulator);
        return simulator;
    }

    /// <summary>Gives back a simulator obtained from <see cref="Rent"/>.</summary>
    public void Return(Simulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        if (!_disposed) _idle.Add(simulator);
    }

    /// <summary>Frees every simulator this pool created (none may be in use).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var simulator in _all) simulator.Dispose();
    }
}
