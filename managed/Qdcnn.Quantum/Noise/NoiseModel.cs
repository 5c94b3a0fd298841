using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// A noise model: channels applied after gates (chosen by gate kind, by gate arity or by qubit,
/// in the order they were added) and readout error per qubit. Builder methods return this model.
/// It holds no qubit count: the qubits it names are checked against the circuit when it runs.
/// Read-only while a simulation uses it, so it may be shared by simulators on different threads.
/// </summary>
/// <example><code>
/// using var noise = new NoiseModel()
///     .AfterEveryGate(NoiseChannel.Depolarizing, 0.001)
///     .AfterTwoQubitGates(NoiseChannel.Depolarizing2, 0.01)
///     .DefaultReadoutError(0.02, 0.03);
/// </code></example>
public sealed unsafe class NoiseModel : IDisposable
{
    /// <summary>Largest register the density-matrix method simulates.</summary>
    public const int MaxDensityMatrixQubits = NativeMethods.MaxDensityMatrixQubits;

    /// <summary>Creates an empty model: no channels, no readout error.</summary>
    public NoiseModel()
    {
        QdcnnNoiseModel* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_noise_model_create(&pointer));
        Handle = NoiseModelHandle.Own(pointer);
    }

    internal NoiseModelHandle Handle { get; }

    /// <summary>Number of channel rules added (readout settings not counted).</summary>
    public long RuleCount
    {
        get
        {
            using var lease = Handle.Lease();
            long count;
            NativeStatus.Check(NativeMethods.qdcnn_noise_model_count(Handle.Pointer, &count));
            return count;
        }
    }

    /// <summary>
    /// After every gate of kind <paramref name="gate"/>, applies <paramref name="channel"/> to each of
    /// its qubits (<see cref="NoiseChannel.Depolarizing2"/>: to both together; two-qubit kinds only).
    /// </summary>
    /// <exception cref="ArgumentException">The probability is not in [0, 1] or the channel does not fit the gate.</exception>
    public NoiseModel AfterGate(GateKind gate, NoiseChannel channel, double probability)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_noise_model_add_gate_noise(Handle.Pointer, (int)gate, (int)channel, probability));
        return this;
    }

    /// <summary>After every gate acting on <paramref name="gateQubits"/> qubits (1 or 2; 0 = every gate), applies the channel on its qubits.</summary>
    public NoiseModel AfterGatesOnQubitCount(int gateQubits, NoiseChannel channel, double probability)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_noise_model_add_arity_noise(Handle.Pointer, gateQubits, (int)channel, probability));
        return this;
    }

    /// <summary>After every gate, applies a one-qubit channel to each of the gate's qubits.</summary>
    public NoiseModel AfterEveryGate(NoiseChannel channel, double probability) => AfterGatesOnQubitCount(0, channel, probability);

    /// <summary>After every one-qubit gate, applies a one-qubit channel to its qubit.</summary>
    public NoiseModel AfterOneQubitGates(NoiseChannel channel, double probability) => AfterGatesOnQubitCount(1, channel, probability);

    /// <summary>After every two-qubit gate, applies the channel (one-qubit channels to each qubit, <see cref="NoiseChannel.Depolarizing2"/> to both).</summary>
    public NoiseModel AfterTwoQubitGates(NoiseChannel channel, double probability) => AfterGatesOnQubitCount(2, channel, probability);

    /// <summary>After every gate that acts on <paramref name="qubit"/>, applies a one-qubit channel to that qubit only.</summary>
    public NoiseModel OnQubit(int qubit, NoiseChannel channel, double probability)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_noise_model_add_qubit_noise(Handle.Pointer, qubit, (int)channel, probability));
        return this;
    }

    /// <summary>
    /// Sets the readout error of <paramref name="qubit"/>: a true 0 reads as 1 with
    /// <paramref name="p1Given0"/>, a true 1 as 0 with <paramref name="p0Given1"/>. For one qubit
    /// ⟨Z⟩ becomes (1 − p01 − p10)⟨Z⟩ + (p01 − p10); the same holds for an X or Y factor, whose bit
    /// is read in its own basis, and products follow from the confused distribution.
    /// </summary>
    public NoiseModel ReadoutError(int qubit, double p1Given0, double p0Given1)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_noise_model_set_readout_error(Handle.Pointer, qubit, p1Given0, p0Given1));
        return this;
    }

    /// <summary>Sets the readout error of every qubit without a setting of its own.</summary>
    public NoiseModel DefaultReadoutError(double p1Given0, double p0Given1)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_noise_model_set_default_readout_error(Handle.Pointer, p1Given0, p0Given1));
        return this;
    }

    /// <inheritdoc />
    public void Dispose() => Handle.Dispose();
}
