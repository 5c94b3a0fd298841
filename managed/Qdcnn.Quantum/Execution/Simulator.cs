using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// Runs circuits: single states (<see cref="Run(Circuit, StateVector, ReadOnlySpan{double}, ReadOnlySpan{double})"/>),
/// batched forward passes to observable outputs, and adjoint backward passes. Holds the kernel
/// choice, worker threads, fusion setting and scratch buffers; not for use from two threads at
/// once (create one per thread). Circuits and observables may be shared.
/// Using one simulator (or one <see cref="StateVector"/>) from two threads at once is unsupported;
/// the library detects two overlapping calls on the same object and the later one throws a
/// <see cref="QdcnnNativeException"/> whose <see cref="QdcnnNativeException.Status"/> is
/// <see cref="QdcnnStatus.ErrorConcurrentUse"/> (the detection is a cheap flag, not a lock: it does
/// not make sharing safe, it only reports it).
/// </summary>
public sealed unsafe class Simulator : IDisposable
{
    private int _threads = 1;
    private int _fusion;

    /// <summary>Creates a simulator with kernel <see cref="Kernel.Auto"/>, one thread and fusion off.</summary>
    public Simulator(Precision precision = Precision.Complex128)
    {
        QdcnnSimulator* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_simulator_create((int)precision, &pointer));
        Handle = SimulatorHandle.Own(pointer);
        Precision = precision;
    }

    internal SimulatorHandle Handle { get; }

    /// <summary>Precision of the states this simulator runs.</summary>
    public Precision Precision { get; }

    /// <summary>The kernel in use (never <see cref="Kernel.Auto"/> when read); setting an unavailable one throws.</summary>
    public Kernel Kernel
    {
        get
        {
            using var lease = Handle.Lease();
            int kernel;
            NativeStatus.Check(NativeMethods.qdcnn_simulator_get_kernel(Handle.Pointer, &kernel));
            return (Kernel)kernel;
        }
        set
        {
            using var lease = Handle.Lease();
            NativeStatus.Check(NativeMethods.qdcnn_simulator_set_kernel(Handle.Pointer, (int)value));
        }
    }

    /// <summary>Worker thread count (1..256; 0 = one per CPU). Workers wait passively.</summary>
    public int Threads
    {
        get => _threads;
        set
        {
            using var lease = Handle.Lease();
            NativeStatus.Check(NativeMethods.qdcnn_simulator_set_threads(Handle.Pointer, value));
            _threads = value;
        }
    }

    /// <summary>Gate fusion: 0 off, or 2..<see cref="NativeMethods.MaxFusedQubits"/> qubits per fused gate.</summary>
    public int Fusion
    {
        get => _fusion;
        set
        {
            using var lease = Handle.Lease();
            NativeStatus.Check(NativeMethods.qdcnn_simulator_set_fusion(Handle.Pointer, value));
            _fusion = value;
        }
    }

    /// <summary>
    /// Prepares the circuit's initial state in <paramref name="state"/> (from one sample's
    /// <paramref name="inputs"/>) and applies the circuit with <paramref name="parameters"/>.
    /// </summary>
    public void Run(Circuit circuit, StateVector state, ReadOnlySpan<double> parameters = default, ReadOnlySpan<double> inputs = default) =>
        Execute(circuit, state, parameters, inputs, prepare: true);

    /// <summary>Runs the circuit on a new state of the simulator's precision and returns it (the caller disposes it).</summary>
    public StateVector Run(Circuit circuit, ReadOnlySpan<double> parameters = default, ReadOnlySpan<double> inputs = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var state = new StateVector(circuit.NumQubits, Precision);
        try
        {
            Run(circuit, state, parameters, inputs);
            return state;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    /// <summary>Applies the circuit's gates to <paramref name="state"/> as it is (no initial-state preparation).</summary>
    public void Apply(Circuit circuit, StateVector state, ReadOnlySpan<double> parameters = default, ReadOnlySpan<double> inputs = default) =>
        Execute(circuit, state, parameters, inputs, prepare: false);

    private void Execute(Circuit circuit, StateVector state, ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, bool prepare)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(state);
        using var simulatorLease = Handle.Lease();
        using var circuitLease = circuit.Handle.Lease();
        using var stateLease = state.Handle.Lease();
        fixed (double* p = parameters)
        fixed (double* x = inputs)
        {
            NativeStatus.Check(prepare
                ? NativeMethods.qdcnn_simulator_run(Handle.Pointer, circuit.Handle.Pointer, p, (nuint)parameters.Length, x,
                    (nuint)inputs.Length, state.Handle.Pointer)
                : NativeMethods.qdcnn_simulator_apply(Handle.Pointer, circuit.Handle.Pointer, p, (nuint)parameters.Length, x,
                    (nuint)inputs.Length, state.Handle.Pointer));
        }
    }

    /// <summary>
    /// Batched forward pass: for each of <paramref name="batch"/> samples (rows of
    /// <paramref name="inputs"/>, batch × NumInputs), runs the circuit with the shared parameters
    /// and writes the observable's outputs into <paramref name="outputs"/> (batch × OutputCount).
    /// </summary>
    public void Forward(Circuit circuit, Observable observable, ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs,
        int batch, Span<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        using var simulatorLease = Handle.Lease();
        using var circuitLease = circuit.Handle.Lease();
        using var observableLease = observable.Handle.Lease();
        fixed (double* p = parameters)
        fixed (double* x = inputs)
        fixed (double* y = outputs)
        {
            NativeStatus.Check(NativeMethods.qdcnn_simulator_forward(Handle.Pointer, circuit.Handle.Pointer, observable.Handle.Pointer,
                p, (nuint)parameters.Length, x, (nuint)inputs.Length, (nuint)batch, y, (nuint)outputs.Length));
        }
    }

    /// <summary>The float32 form of <see cref="Forward(Circuit, Observable, ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/> (the state keeps the simulator's precision).</summary>
    public void Forward(Circuit circuit, Observable observable, ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs,
        int batch, Span<float> outputs)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        using var simulatorLease = Handle.Lease();
        using var circuitLease = circuit.Handle.Lease();
        using var observableLease = observable.Handle.Lease();
        fixed (float* p = parameters)
        fixed (float* x = inputs)
        fixed (float* y = outputs)
        {
            NativeStatus.Check(NativeMethods.qdcnn_simulator_forward_f32(Handle.Pointer, circuit.Handle.Pointer, observable.Handle.Pointer,
                p, (nuint)parameters.Length, x, (nuint)inputs.Length, (nuint)batch, y, (nuint)outputs.Length));
        }
    }

    /// <summary>Batched forward pass returning batch × OutputCount outputs, row-major.</summary>
    public double[] Forward(Circuit circuit, Observable observable, double[] parameters, double[] inputs, int batch)
    {
        var outputs = new double[OutputLength(observable, batch)];
        Forward(circuit, observable, parameters, inputs, batch, outputs.AsSpan());
        return outputs;
    }

    /// <summary>Batched float32 forward pass returning batch × OutputCount outputs, row-major.</summary>
    public float[] Forward(Circuit circuit, Observable observable, float[] parameters, float[] inputs, int batch)
    {
        var outputs = new float[OutputLength(observable, batch)];
        Forward(circuit, observable, parameters, inputs, batch, outputs.AsSpan());
        return outputs;
    }

    /// <summary>
    /// Adjoint vector-Jacobian product: given dL/doutputs (batch × OutputCount), writes dL/dinputs
    /// (batch × NumInputs) and dL/dparameters (NumParameters, summed over the batch). Either
    /// destination may be empty when not wanted.
    /// </summary>
    public void Backward(Circuit circuit, Observable observable, ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs,
        int batch, ReadOnlySpan<double> gradOutputs, Span<double> gradInputs, Span<double> gradParameters)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        using var simulatorLease = Handle.Lease();
        using var circuitLease = circuit.Handle.Lease();
        using var observableLease = observable.Handle.Lease();
        fixed (double* p = parameters)
        fixed (double* x = inputs)
        fixed (double* gy = gradOutputs)
        fixed (double* gx = gradInputs)
        fixed (double* gp = gradParameters)
        {
            NativeStatus.Check(NativeMethods.qdcnn_simulator_backward(Handle.Pointer, circuit.Handle.Pointer, observable.Handle.Pointer,
                p, (nuint)parameters.Length, x, (nuint)inputs.Length, (nuint)batch, gy, (nuint)gradOutputs.Length,
                gx, (nuint)gradInputs.Length, gp, (nuint)gradParameters.Length));
        }
    }

    /// <summary>The float32 form of the backward pass (accumulation is in double natively).</summary>
    public void Backward(Circuit circuit, Observable observable, ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs,
        int batch, ReadOnlySpan<float> gradOutputs, Span<float> gradInputs, Span<float> gradParameters)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        using var simulatorLease = Handle.Lease();
        using var circuitLease = circuit.Handle.Lease();
        using var observableLease = observable.Handle.Lease();
        fixed (float* p = parameters)
        fixed (float* x = inputs)
        fixed (float* gy = gradOutputs)
        fixed (float* gx = gradInputs)
        fixed (float* gp = gradParameters)
        {
            NativeStatus.Check(NativeMethods.qdcnn_simulator_backward_f32(Handle.Pointer, circuit.Handle.Pointer, observable.Handle.Pointer,
                p, (nuint)parameters.Length, x, (nuint)inputs.Length, (nuint)batch, gy, (nuint)gradOutputs.Length,
                gx, (nuint)gradInputs.Length, gp, (nuint)gradParameters.Length));
        }
    }

    /// <summary>Adjoint backward pass returning both gradients.</summary>
    public Gradients<double> Backward(Circuit circuit, Observable observable, double[] parameters, double[] inputs, int batch,
        double[] gradOutputs)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var gradients = new Gradients<double>(new double[InputGradientLength(circuit, batch)], new double[circuit.NumParameters]);
        Backward(circuit, observable, parameters, inputs, batch, gradOutputs, gradients.Inputs, gradients.Parameters);
        return gradients;
    }

    /// <summary>Float32 adjoint backward pass returning both gradients.</summary>
    public Gradients<float> Backward(Circuit circuit, Observable observable, float[] parameters, float[] inputs, int batch,
        float[] gradOutputs)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var gradients = new Gradients<float>(new float[InputGradientLength(circuit, batch)], new float[circuit.NumParameters]);
        Backward(circuit, observable, parameters, inputs, batch, gradOutputs, gradients.Inputs, gradients.Parameters);
        return gradients;
    }

    private static int OutputLength(Observable observable, int batch)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        return checked(batch * observable.OutputCount);
    }

    private static int InputGradientLength(Circuit circuit, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        return checked(batch * circuit.NumInputs);
    }

    /// <summary>Frees the simulator and its worker threads.</summary>
    public void Dispose() => Handle.Dispose();
}
