using Qdcnn.Quantum;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// A circuit template and its observable, ready to run batched from TorchSharp: the circuit's angles are
/// bound to trainable parameters (shared by the batch) and per-sample inputs, and each observable output
/// becomes one column of the result. Owns both native objects and a pool of simulators per precision
/// (float64 tensors run complex128 states, float32 tensors complex64 states). Thread-safe: concurrent
/// forward/backward calls each rent their own simulator.
/// </summary>
public sealed class QuantumTemplate : IDisposable
{
    private readonly SimulatorPool _double = new(Precision.Complex128);
    private readonly SimulatorPool _single = new(Precision.Complex64);
    private long _forwardCalls;
    private long _backwardCalls;
    private long _forwardSamples;

    /// <summary>Takes ownership of <paramref name="circuit"/> and <paramref name="observable"/>.</summary>
    /// <exception cref="ArgumentException">The observable acts on a different number of qubits or has no outputs.</exception>
    public QuantumTemplate(Circuit circuit, Observable observable)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        if (observable.NumQubits != circuit.NumQubits)
            throw new ArgumentException(
                $"The observable acts on {observable.NumQubits} qubits but the circuit has {circuit.NumQubits}.", nameof(observable));
        Circuit = circuit;
        Observable = observable;
        NumQubits = circuit.NumQubits;
        NumInputs = circuit.NumInputs;
        NumParameters = circuit.NumParameters;
        OutputCount = observable.OutputCount;
        if (OutputCount == 0) throw new ArgumentException("The observable has no outputs.", nameof(observable));
    }

    /// <summary>The circuit (read-only while the template is in use).</summary>
    public Circuit Circuit { get; }

    /// <summary>The outputs measured after the circuit.</summary>
    public Observable Observable { get; }

    /// <summary>Qubits of the circuit.</summary>
    public int NumQubits { get; }

    /// <summary>Input features per sample (columns of the input tensor).</summary>
    public int NumInputs { get; }

    /// <summary>Trainable parameters (length of the parameter tensor).</summary>
    public int NumParameters { get; }

    /// <summary>Outputs per sample (columns of the result).</summary>
    public int OutputCount { get; }

    /// <summary>Native batched forward calls made so far (one per <see cref="QuantumFunction"/> forward).</summary>
    public long ForwardCalls => Interlocked.Read(ref _forwardCalls);

    /// <summary>Native adjoint backward calls made so far.</summary>
    public long BackwardCalls => Interlocked.Read(ref _backwardCalls);

    /// <summary>Samples (circuit evaluations) run by forward calls so far.</summary>
    public long ForwardSamples => Interlocked.Read(ref _forwardSamples);

    /// <summary>
    /// Native worker threads used by each forward/backward call of this template (default 1). More threads help only
    /// for large registers or batches (e.g. 10+ qubits, B = 1024); the MSFF circuits run fastest on one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int SimulatorThreads
    {
        get => _double.Threads;
        set
        {
            _double.Threads = value;
            _single.Threads = value;
        }
    }

    /// <summary>
    /// One native batched forward call on spans (rows of <paramref name="inputs"/>: batch × <see cref="NumInputs"/>;
    /// <paramref name="outputs"/>: batch × <see cref="OutputCount"/>), with a simulator rented from this template's
    /// complex128 pool. Counted like a <see cref="QuantumFunction"/> forward.
    /// </summary>
    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int batch, Span<double> outputs)
    {
        var simulator = _double.Rent();
        try
        {
            simulator.Forward(Circuit, Observable, parameters, inputs, batch, outputs);
        }
        finally
        {
            _double.Return(simulator);
        }
        CountForward(batch);
    }

    /// <summary>The float32 form of <see cref="Forward(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/> (complex64 states).</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch, Span<float> outputs)
    {
        var simulator = _single.Rent();
        try
        {
            simulator.Forward(Circuit, Observable, parameters, inputs, batch, outputs);
        }
        finally
        {
            _single.Return(simulator);
        }
        CountForward(batch);
    }

    /// <summary>
    /// One native adjoint call on spans: dL/dinputs (batch × <see cref="NumInputs"/>) and dL/dparameters (summed over the
    /// batch) for dL/doutputs <paramref name="gradOutputs"/>; either destination may be empty when not wanted. Both are
    /// overwritten, not accumulated. Counted like a <see cref="QuantumFunction"/> backward.
    /// </summary>
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int batch, ReadOnlySpan<double> gradOutputs,
        Span<double> gradInputs, Span<double> gradParameters)
    {
        var simulator = _double.Rent();
        try
        {
            simulator.Backward(Circuit, Observable, parameters, inputs, batch, gradOutputs, gradInputs, gradParameters);
        }
        finally
        {
            _double.Return(simulator);
        }
        CountBackward();
    }

    /// <summary>The float32 form of <see cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, int, ReadOnlySpan{double}, Span{double}, Span{double})"/>.</summary>
    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch, ReadOnlySpan<float> gradOutputs,
        Span<float> gradInputs, Span<float> gradParameters)
    {
        var simulator = _single.Rent();
        try
        {
            simulator.Backward(Circuit, Observable, parameters, inputs, batch, gradOutputs, gradInputs, gradParameters);
        }
        finally
        {
            _single.Return(simulator);
        }
        CountBackward();
    }

    internal SimulatorPool PoolFor(ScalarType dtype) => dtype switch
    {
        ScalarType.Float64 => _double,
        ScalarType.Float32 => _single,
        _ => throw new ArgumentException($"Quantum layers run float64 or float32 tensors, not {dtype}.", nameof(dtype)),
    };

    internal void CountForward(long batch)
    {
        Interlocked.Increment(ref _forwardCalls);
        Interlocked.Add(ref _forwardSamples, batch);
    }

    internal void CountBackward() => Interlocked.Increment(ref _backwardCalls);

    /// <summary>Frees the simulators, the observable and the circuit.</summary>
    public void Dispose()
    {
        _double.Dispose();
        _single.Dispose();
        Observable.Dispose();
        Circuit.Dispose();
    }
}
