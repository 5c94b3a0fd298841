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
    private volatile int _threads = 1;

    /// <summary>Creates an empty pool whose simulators run states of <paramref name="precision"/>.</summary>
    public SimulatorPool(Precision precision) => Precision = precision;

    /// <summary>State precision of the pooled simulators.</summary>
    public Precision Precision { get; }

    /// <summary>
    /// Native worker threads of every simulator this pool lends (default 1: the MSFF circuits are far too small for
    /// threads to pay off). Applied when a simulator is next rented.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int Threads
    {
        get => _threads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _threads = value;
        }
    }

    /// <summary>Number of simulators created so far (at most the peak number of concurrent users).</summary>
    public int Created => _all.Count;

    /// <summary>A simulator for the caller's exclusive use until it is returned.</summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public Simulator Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int threads = _threads;
        if (!_idle.TryTake(out var simulator))
        {
            simulator = new Simulator(Precision);
            _all.Add(simulator);
        }
        if (simulator.Threads != threads) simulator.Threads = threads;
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
