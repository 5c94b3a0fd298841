using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// Noisy and finite-shot forward passes on a <see cref="Simulator"/>: the circuit runs under a
/// <see cref="NoiseModel"/> (exact density matrix or seeded trajectories) and each output is its
/// exact expectation or an estimate from measurement shots.
/// </summary>
public static unsafe class NoisySimulation
{
    /// <summary>
    /// Batched noisy forward pass: like <see cref="Simulator.Forward(Circuit, Observable, ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/>,
    /// with gates run unfused, each followed by the channels <paramref name="noise"/> attaches (null: no noise).
    /// </summary>
    /// <param name="simulator">The simulator (its precision, kernel and threads are used).</param>
    /// <param name="circuit">The circuit.</param>
    /// <param name="observable">Outputs; with <paramref name="shots"/> &gt; 0 each term is estimated from shots measured in its own X/Y/Z basis.</param>
    /// <param name="parameters">The circuit's parameters.</param>
    /// <param name="inputs">batch × NumInputs values, row-major.</param>
    /// <param name="batch">Number of samples.</param>
    /// <param name="outputs">batch × OutputCount values, row-major; written only on success.</param>
    /// <param name="noise">The noise model, or null.</param>
    /// <param name="method">Density matrix (exact, at most 12 qubits) or trajectories.</param>
    /// <param name="trajectories">Trajectories per sample (≥ 1) for <see cref="NoiseMethod.Trajectories"/>; ignored by the density-matrix method.
    /// With shots, each shot is one noisy run, spread evenly over min(trajectories, shots) trajectories.</param>
    /// <param name="shots">0: exact expectations; otherwise estimates from this many measurement samples per sample.</param>
    /// <param name="seed">Seeds trajectories and shots; sample b uses its own stream derived from the seed and b.</param>
    public static void ForwardNoisy(this Simulator simulator, Circuit circuit, Observable observable,
        ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int batch, Span<double> outputs,
        NoiseModel? noise, NoiseMethod method = NoiseMethod.DensityMatrix, long trajectories = 1, long shots = 0, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(trajectories);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        using var simulatorLease = simulator.Handle.Lease();
        using var circuitLease = circuit.Handle.Lease();
        using var observableLease = observable.Handle.Lease();
        using var noiseLease = noise is null ? default : noise.Handle.Lease();
        var noisePointer = noise is null ? null : noise.Handle.Pointer;
        fixed (double* p = parameters)
        fixed (double* x = inputs)
        fixed (double* y = outputs)
        {
            NativeStatus.Check(NativeMethods.qdcnn_simulator_forward_noisy(simulator.Handle.Pointer, circuit.Handle.Pointer,
                observable.Handle.Pointer, noisePointer, (int)method, (ulong)trajectories, (ulong)shots, seed,
                p, (nuint)parameters.Length, x, (nuint)inputs.Length, (nuint)batch, y, (nuint)outputs.Length));
        }
    }

    /// <summary>Batched noisy forward pass returning batch × OutputCount outputs, row-major (see the span overload).</summary>
    public static double[] ForwardNoisy(this Simulator simulator, Circuit circuit, Observable observable,
        double[] parameters, double[] inputs, int batch, NoiseModel? noise,
        NoiseMethod method = NoiseMethod.DensityMatrix, long trajectories = 1, long shots = 0, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        var outputs = new double[checked(batch * observable.OutputCount)];
        ForwardNoisy(simulator, circuit, observable, parameters, inputs, batch, outputs.AsSpan(), noise, method, trajectories, shots, seed);
        return outputs;
    }
}
