using Qdcnn.Quantum;

namespace Qdcnn.Torch;

/// <summary>
/// The circuits of the MSFF layers exactly as ../shared/reference/MSFF-SPEC.md states them ("Layers").
/// Qubit k is bit k of the basis-state index. Each method returns a new template the caller owns.
/// </summary>
public static class MsffCircuits
{
    /// <summary>Qubits (= window width) of the quantum convolution kernel.</summary>
    public const int KernelQubits = 3;

    /// <summary>
    /// Quantum embedding on n = ⌈log2 V⌉ qubits: amplitude encoding of inputs[0..V) (zero-padded, normalised);
    /// H on every qubit when <paramref name="hadamard"/>; then for l = 0…rep−1: RY(w[l·n + k]) on every qubit k,
    /// then CNOT(k → (k+l+1) mod n) for k = 0…n−1. Outputs ⟨Z_0⟩…⟨Z_{n−1}⟩. Parameters: rep·n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">V &lt; 2, rep &lt; 1, or a layer l with (l+1) mod n = 0 (its CNOTs would target their own control).</exception>
    public static QuantumTemplate Embedding(int vocabSize, int layers, bool hadamard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        int n = QubitsFor(vocabSize);
        if (layers > n - 1)
            throw new ArgumentOutOfRangeException(nameof(layers), layers,
                $"The embedding's layer l = {n - 1} would apply CNOT(k → (k+{n}) mod {n}) = CNOT(k → k); use at most {n - 1} layers for {n} qubits.");
        var circuit = new Circuit(n);
        circuit.InitialAmplitudesFromInputs(0, vocabSize);
        if (hadamard)
            for (int k = 0; k < n; k++) circuit.H(k);
        for (int l = 0; l < layers; l++)
        {
            for (int k = 0; k < n; k++) circuit.RY(k, Angle.Parameter(l * n + k));
            for (int k = 0; k < n; k++) circuit.Cnot(k, (k + l + 1) % n);
        }
        circuit.Declare(layers * n, vocabSize);
        return new QuantumTemplate(circuit, Observable.ZOnEachQubit(n));
    }

    /// <summary>
    /// Quantum convolution kernel on 3 qubits: H on all three; RY(x_j) on qubit j (inputs 0..2 = the window);
    /// then for each depth step d: CNOT(0→1), CNOT(1→2), RY(θ[d·3 + j]) on qubit j. One output Σ_j ⟨Z_j⟩.
    /// With <paramref name="anglesAsInputs"/> false, θ are the trainable parameters (3·depth); with true, θ are
    /// inputs 3..3+3·depth of each sample (no parameters), so kernels with different weights run in one
    /// batched call.
    /// </summary>
    public static QuantumTemplate ConvKernel(int depth, bool anglesAsInputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var circuit = new Circuit(KernelQubits);
        for (int j = 0; j < KernelQubits; j++) circuit.H(j);
        for (int j = 0; j < KernelQubits; j++) circuit.RY(j, Angle.Input(j));
        for (int d = 0; d < depth; d++)
        {
            circuit.Cnot(0, 1).Cnot(1, 2);
            for (int j = 0; j < KernelQubits; j++)
            {
                int theta = d * KernelQubits + j;
                circuit.RY(j, anglesAsInputs ? Angle.Input(KernelQubits + theta) : Angle.Parameter(theta));
            }
        }
        circuit.Declare(anglesAsInputs ? 0 : KernelQubits * depth, anglesAsInputs ? KernelQubits * (depth + 1) : KernelQubits);
        var observable = new Observable(KernelQubits);
        observable.AddOutput((1.0, PauliString.Z(0)), (1.0, PauliString.Z(1)), (1.0, PauliString.Z(2)));
        return new QuantumTemplate(circuit, observable);
    }

    /// <summary>
    /// Quantum fully connected layer on n qubits for C classes: RY(e_k) on qubit k (inputs 0..n−1); then for
    /// idx = 0…n: c = idx mod n, RY(φ_idx) on qubit c, CNOT(c → (c+C) mod n). Outputs ⟨Z_0⟩…⟨Z_{C−1}⟩.
    /// Parameters: n + 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">C &lt; 1, or C ≥ n (the CNOT ladder needs C mod n ≠ 0 and C classes need C qubits).</exception>
    public static QuantumTemplate FullyConnected(int numQubits, int numClasses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        if (numClasses >= numQubits)
            throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses,
                $"The quantum fully connected layer needs more qubits ({numQubits}) than classes.");
        int n = numQubits;
        var circuit = new Circuit(n);
        for (int k = 0; k < n; k++) circuit.RY(k, Angle.Input(k));
        for (int idx = 0; idx <= n; idx++)
        {
            int c = idx % n;
            circuit.RY(c, Angle.Parameter(idx));
            circuit.Cnot(c, (c + numClasses) % n);
        }
        circuit.Declare(n + 1, n);
        return new QuantumTemplate(circuit, Observable.Z(n, Enumerable.Range(0, numClasses).ToArray()));
    }

    /// <summary>⌈log2 V⌉ for V ≥ 2.</summary>
    public static int QubitsFor(int vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 2);
        int n = 0;
        while ((1L << n) < vocabSize) n++;
        return n;
    }
}
