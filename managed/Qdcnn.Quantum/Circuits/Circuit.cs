using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// A quantum circuit: gates on <see cref="NumQubits"/> qubits whose angles are constants, trainable
/// parameters or per-sample inputs, plus the rule for the initial state. Qubit k is bit k of the
/// basis-state index. Builder methods return this circuit so calls chain. Read-only during
/// execution; may be shared by simulators on several threads once built.
/// </summary>
public sealed unsafe class Circuit : IDisposable
{
    /// <summary>Creates an empty circuit on <paramref name="numQubits"/> qubits starting in |0...0&gt;.</summary>
    /// <exception cref="ArgumentOutOfRangeException">numQubits outside 1..<see cref="NativeMethods.MaxQubits"/>.</exception>
    public Circuit(int numQubits)
    {
        QdcnnCircuit* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_circuit_create(numQubits, &pointer));
        Handle = CircuitHandle.Own(pointer);
    }

    private Circuit(CircuitHandle handle) => Handle = handle;

    internal CircuitHandle Handle { get; }

    /// <summary>Number of qubits.</summary>
    public int NumQubits => Info().Qubits;

    /// <summary>Number of trainable parameters (largest index used + 1, or more if declared).</summary>
    public int NumParameters => Info().Parameters;

    /// <summary>Number of input features per sample (largest index used + 1, or more if declared).</summary>
    public int NumInputs => Info().Inputs;

    /// <summary>Number of gates.</summary>
    public long GateCount => Info().Gates;

    /// <summary>Parses OpenQASM 2.0 text.</summary>
    /// <exception cref="QdcnnParseException">The text is malformed; the message names the line.</exception>
    public static Circuit FromQasm(string text) => Parse(text, qasm: true);

    /// <summary>Parses qsim's plain-text circuit format.</summary>
    /// <exception cref="QdcnnParseException">The text is malformed; the message names the line.</exception>
    public static Circuit FromQsim(string text) => Parse(text, qasm: false);

    private static Circuit Parse(string text, bool qasm)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        QdcnnCircuit* pointer;
        fixed (byte* data = bytes)
        {
            NativeStatus.Check(qasm
                ? NativeMethods.qdcnn_circuit_from_qasm(data, (nuint)bytes.Length, &pointer)
                : NativeMethods.qdcnn_circuit_from_qsim(data, (nuint)bytes.Length, &pointer));
        }

        return new Circuit(CircuitHandle.Own(pointer));
    }

    /// <summary>
    /// Writes the circuit as OpenQASM 2.0 with every angle bound to <paramref name="parameters"/>
    /// and <paramref name="inputs"/> (one sample).
    /// </summary>
    public string ToQasm(ReadOnlySpan<double> parameters = default, ReadOnlySpan<double> inputs = default)
    {
        using var lease = Handle.Lease();
        fixed (double* p = parameters)
        fixed (double* x = inputs)
        {
            nuint required;
            NativeStatus.Check(NativeMethods.qdcnn_circuit_to_qasm(Handle.Pointer, p, (nuint)parameters.Length, x,
                (nuint)inputs.Length, null, 0, &required));
            var buffer = new byte[checked((int)required + 1)];
            fixed (byte* b = buffer)
            {
                NativeStatus.Check(NativeMethods.qdcnn_circuit_to_qasm(Handle.Pointer, p, (nuint)parameters.Length, x,
                    (nuint)inputs.Length, b, (nuint)buffer.Length, &required));
            }

            return Encoding.UTF8.GetString(buffer, 0, (int)required);
        }
    }

    /// <summary>Appends a gate of any kind; <paramref name="angles"/> has as many entries as the gate takes.</summary>
    public Circuit Gate(GateKind kind, ReadOnlySpan<int> qubits, ReadOnlySpan<Angle> angles = default)
    {
        Span<int> sources = stackalloc int[angles.Length];
        Span<int> indices = stackalloc int[angles.Length];
        Span<double> scales = stackalloc double[angles.Length];
        Span<double> offsets = stackalloc double[angles.Length];
        for (var i = 0; i < angles.Length; i++)
        {
            sources[i] = (int)angles[i].Source;
            indices[i] = angles[i].Index;
            scales[i] = angles[i].Scale;
            offsets[i] = angles[i].Offset;
        }

        using var lease = Handle.Lease();
        fixed (int* q = qubits)
        fixed (int* s = sources)
        fixed (int* ix = indices)
        fixed (double* sc = scales)
        fixed (double* o = offsets)
        {
            NativeStatus.Check(NativeMethods.qdcnn_circuit_add_gate(Handle.Pointer, (int)kind, q, (nuint)qubits.Length,
                s, ix, sc, o, (nuint)angles.Length));
        }

        return this;
    }

    /// <summary>Identity on <paramref name="qubit"/>.</summary>
    public Circuit I(int qubit) => Gate(GateKind.I, [qubit]);

    /// <summary>Hadamard.</summary>
    public Circuit H(int qubit) => Gate(GateKind.H, [qubit]);

    /// <summary>Pauli X.</summary>
    public Circuit X(int qubit) => Gate(GateKind.X, [qubit]);

    /// <summary>Pauli Y.</summary>
    public Circuit Y(int qubit) => Gate(GateKind.Y, [qubit]);

    /// <summary>Pauli Z.</summary>
    public Circuit Z(int qubit) => Gate(GateKind.Z, [qubit]);

    /// <summary>S = diag(1, i).</summary>
    public Circuit S(int qubit) => Gate(GateKind.S, [qubit]);

    /// <summary>S† = diag(1, -i).</summary>
    public Circuit Sdg(int qubit) => Gate(GateKind.Sdg, [qubit]);

    /// <summary>T = diag(1, e^{i pi/4}).</summary>
    public Circuit T(int qubit) => Gate(GateKind.T, [qubit]);

    /// <summary>T† = diag(1, e^{-i pi/4}).</summary>
    public Circuit Tdg(int qubit) => Gate(GateKind.Tdg, [qubit]);

    /// <summary>sqrt(X).</summary>
    public Circuit SX(int qubit) => Gate(GateKind.SX, [qubit]);

    /// <summary>exp(-i theta X / 2).</summary>
    public Circuit RX(int qubit, Angle theta) => Gate(GateKind.RX, [qubit], [theta]);

    /// <summary>exp(-i theta Y / 2).</summary>
    public Circuit RY(int qubit, Angle theta) => Gate(GateKind.RY, [qubit], [theta]);

    /// <summary>exp(-i theta Z / 2).</summary>
    public Circuit RZ(int qubit, Angle theta) => Gate(GateKind.RZ, [qubit], [theta]);

    /// <summary>diag(1, e^{i phi}).</summary>
    public Circuit Phase(int qubit, Angle phi) => Gate(GateKind.Phase, [qubit], [phi]);

    /// <summary>OpenQASM U(theta, phi, lambda).</summary>
    public Circuit U3(int qubit, Angle theta, Angle phi, Angle lambda) => Gate(GateKind.U3, [qubit], [theta, phi, lambda]);

    /// <summary>Controlled X.</summary>
    public Circuit Cnot(int control, int target) => Gate(GateKind.Cnot, [control, target]);

    /// <summary>Controlled Z.</summary>
    public Circuit CZ(int control, int target) => Gate(GateKind.CZ, [control, target]);

    /// <summary>Swaps two qubits.</summary>
    public Circuit Swap(int qubit1, int qubit2) => Gate(GateKind.Swap, [qubit1, qubit2]);

    /// <summary>Controlled RX.</summary>
    public Circuit CRX(int control, int target, Angle theta) => Gate(GateKind.CRX, [control, target], [theta]);

    /// <summary>Controlled RY.</summary>
    public Circuit CRY(int control, int target, Angle theta) => Gate(GateKind.CRY, [control, target], [theta]);

    /// <summary>Controlled RZ.</summary>
    public Circuit CRZ(int control, int target, Angle theta) => Gate(GateKind.CRZ, [control, target], [theta]);

    /// <summary>Controlled phase.</summary>
    public Circuit CPhase(int control, int target, Angle phi) => Gate(GateKind.CPhase, [control, target], [phi]);

    /// <summary>exp(-i theta X⊗X / 2).</summary>
    public Circuit RXX(int qubit1, int qubit2, Angle theta) => Gate(GateKind.RXX, [qubit1, qubit2], [theta]);

    /// <summary>exp(-i theta Y⊗Y / 2).</summary>
    public Circuit RYY(int qubit1, int qubit2, Angle theta) => Gate(GateKind.RYY, [qubit1, qubit2], [theta]);

    /// <summary>exp(-i theta Z⊗Z / 2).</summary>
    public Circuit RZZ(int qubit1, int qubit2, Angle theta) => Gate(GateKind.RZZ, [qubit1, qubit2], [theta]);

    /// <summary>
    /// Appends an arbitrary unitary on 1 or 2 qubits. Bit j of a row or column index of
    /// <paramref name="matrix"/> is <c>qubits[j]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square 2^k with k = qubits.Length, or not unitary.</exception>
    public Circuit Unitary(Complex[,] matrix, params int[] qubits)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(qubits);
        var dimension = 1 << Math.Min(qubits.Length, 30);
        if (matrix.GetLength(0) != dimension || matrix.GetLength(1) != dimension)
        {
            throw new ArgumentException(
                $"A unitary on {qubits.Length} qubit(s) must be {dimension}x{dimension}; got {matrix.GetLength(0)}x{matrix.GetLength(1)}.",
                nameof(matrix));
        }

        var flat = new double[2 * dimension * dimension];
        for (var row = 0; row < dimension; row++)
        {
            for (var column = 0; column < dimension; column++)
            {
                flat[2 * (row * dimension + column)] = matrix[row, column].Real;
                flat[2 * (row * dimension + column) + 1] = matrix[row, column].Imaginary;
            }
        }

        using var lease = Handle.Lease();
        fixed (int* q = qubits)
        fixed (double* m = flat)
        {
            NativeStatus.Check(NativeMethods.qdcnn_circuit_add_unitary(Handle.Pointer, q, (nuint)qubits.Length, m, (nuint)flat.Length));
        }

        return this;
    }

    /// <summary>Starts from the basis state |index&gt; instead of |0...0&gt;.</summary>
    public Circuit InitialBasis(ulong index)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_circuit_set_initial_basis(Handle.Pointer, index));
        return this;
    }

    /// <summary>
    /// Starts from the amplitude encoding of inputs[offset .. offset + length) of each sample
    /// (zero-padded to 2^n and normalised; an all-zero slice fails at run time).
    /// </summary>
    public Circuit InitialAmplitudesFromInputs(int inputOffset, int length)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_circuit_set_initial_amplitudes(Handle.Pointer, inputOffset, length));
        return this;
    }

    /// <summary>Raises the parameter and input counts to at least these values.</summary>
    public Circuit Declare(int numParameters, int numInputs)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_circuit_declare(Handle.Pointer, numParameters, numInputs));
        return this;
    }

    private (int Qubits, long Gates, int Parameters, int Inputs) Info()
    {
        using var lease = Handle.Lease();
        int qubits, parameters, inputs;
        long gates;
        NativeStatus.Check(NativeMethods.qdcnn_circuit_info(Handle.Pointer, &qubits, &gates, &parameters, &inputs));
        return (qubits, gates, parameters, inputs);
    }

    /// <summary>Frees the native circuit.</summary>
    public void Dispose() => Handle.Dispose();
}
