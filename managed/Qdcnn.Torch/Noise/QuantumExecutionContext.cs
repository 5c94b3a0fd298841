namespace Qdcnn.Torch;

/// <summary>
/// The ambient execution settings of quantum layers. While a scope from <see cref="Use"/> is active (on this
/// async flow), every <see cref="QuantumFunction.Apply"/> runs its batched circuit through the noisy simulator
/// (<see cref="NoisyQuantumForward"/>) with the scope's <see cref="QuantumExecutionOptions"/>, and the scope
/// records how many circuit evaluations each template ran. Outside a scope, layers run the exact simulator.
/// </summary>
/// <remarks>
/// Noisy passes have no gradients: use them under <c>torch.no_grad()</c> (evaluation). A scope is meant for one
/// thread running forward passes one after another; its seed stream depends on the order of the calls.
/// </remarks>
public static class QuantumExecutionContext
{
    private static readonly AsyncLocal<QuantumExecutionScope?> Active = new();

    /// <summary>The innermost active scope, or null.</summary>
    public static QuantumExecutionScope? Current => Active.Value;

    /// <summary>Activates <paramref name="options"/> until the returned scope is disposed (scopes nest).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid trajectories or shots.</exception>
    public static QuantumExecutionScope Use(QuantumExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var scope = new QuantumExecutionScope(options, Active.Value);
        Active.Value = scope;
        return scope;
    }

    internal static void Restore(QuantumExecutionScope scope, QuantumExecutionScope? previous)
    {
        if (ReferenceEquals(Active.Value, scope)) Active.Value = previous;
    }
}

/// <summary>
/// One activation of <see cref="QuantumExecutionOptions"/>: hands out per-call seeds and counts the circuit
/// evaluations (samples) each template ran. Dispose to deactivate.
/// </summary>
public sealed class QuantumExecutionScope : IDisposable
{
    private readonly QuantumExecutionScope? _previous;
    private readonly Dictionary<QuantumTemplate, long> _samples = new(ReferenceEqualityComparer.Instance);
    private readonly object _gate = new();
    private ulong _calls;
    private bool _disposed;

    internal QuantumExecutionScope(QuantumExecutionOptions options, QuantumExecutionScope? previous)
    {
        Options = options;
        _previous = previous;
    }

    /// <summary>The settings of this scope.</summary>
    public QuantumExecutionOptions Options { get; }

    /// <summary>Batched circuit calls made so far in this scope.</summary>
    public ulong Calls
    {
        get { lock (_gate) return _calls; }
    }

    /// <summary>Circuit evaluations (batch rows) run per template so far in this scope.</summary>
    public IReadOnlyDictionary<QuantumTemplate, long> SamplesByTemplate
    {
        get { lock (_gate) return new Dictionary<QuantumTemplate, long>(_samples, ReferenceEqualityComparer.Instance); }
    }

    /// <summary>Records one batched call and returns its seed: SplitMix64 of (seed, call index), so calls differ.</summary>
    internal ulong NextCall(QuantumTemplate template, long batch)
    {
        ulong call;
        lock (_gate)
        {
            call = _calls++;
            _samples[template] = _samples.GetValueOrDefault(template) + batch;
        }
        return SplitMix64(Options.Seed ^ SplitMix64(call + 0x9E3779B97F4A7C15UL));
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Deactivates this scope (restores the enclosing one).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        QuantumExecutionContext.Restore(this, _previous);
    }
}
