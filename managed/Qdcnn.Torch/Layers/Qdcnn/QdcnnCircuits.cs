using Qdcnn.Quantum;

namespace Qdcnn.Torch;

/// <summary>
/// The circuits of the full quantum deep CNN (issue 6) beyond the paper's: a window kernel of any width, the
/// quantum pointwise (channel-mixing) convolution, the sentence-level QCNN with quantum pooling, and the
/// quantum fusion register. Qubit k is bit k of the basis index; all gates are RY, H, X, CNOT and CRY, so
/// amplitudes stay real. Each method returns a new template (the caller owns it) with its gate tally.
/// </summary>
public static class QdcnnCircuits
{
    /// <summary>
    /// Convolution kernel over a window of <paramref name="width"/> positions (one qubit each): H on every qubit,
    /// RY(x_j) on qubit j, then per depth step a CNOT ladder j → j+1 (width − 1 CNOTs) and RY(θ[d·w + j]).
    /// Output Σ_j ⟨Z_j⟩ ∈ [−w, w]. The angles θ are inputs w … w + w·depth of each sample (no parameters), so
    /// windows of different kernels run in one batched call. Width 3 is exactly <see cref="MsffCircuits.ConvKernel"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">width &lt; 2 or depth &lt; 1.</exception>
    public static TalliedTemplate WindowKernel(int width, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var c = new TalliedCircuit(width);
        for (int j = 0; j < width; j++) c.H(j);
        for (int j = 0; j < width; j++) c.RY(j, Angle.Input(j));
        for (int d = 0; d < depth; d++)
        {
            for (int j = 0; j + 1 < width; j++) c.Cnot(j, j + 1);
            for (int j = 0; j < width; j++) c.RY(j, Angle.Input(width + d * width + j));
        }
        c.Circuit.Declare(0, width * (depth + 1));
        var observable = new Observable(width);
        observable.AddOutput(Enumerable.Range(0, width).Select(j => (1.0, PauliString.Z(j))).ToArray());
        return new TalliedTemplate(new QuantumTemplate(c.Circuit, observable), c.Tally);
    }

    /// <summary>
    /// Quantum pointwise convolution across <paramref name="channels"/> channel qubits (the quantum 1×1 conv):
    /// RY(x_k) on qubit k (the channel values at one position), then per layer l: RY(θ[2lC + k]) on every qubit
    /// and a CRY ring CRY(k → (k+1) mod C, θ[2lC + C + k]); outputs ⟨Z_0⟩ … ⟨Z_{C−1}⟩ (C mixed channels).
    /// Parameters 2·C·layers; C·layers controlled rotations; no CNOTs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">channels &lt; 2 or layers &lt; 1.</exception>
    public static TalliedTemplate Pointwise(int channels, int layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        int n = channels;
        var c = new TalliedCircuit(n);
        for (int k = 0; k < n; k++) c.RY(k, Angle.Input(k));
        for (int l = 0; l < layers; l++)
        {
            for (int k = 0; k < n; k++) c.RY(k, Angle.Parameter(2 * l * n + k));
            for (int k = 0; k < n; k++) c.CRY(k, (k + 1) % n, Angle.Parameter(2 * l * n + n + k));
        }
        c.Circuit.Declare(2 * n * layers, n);
        return new TalliedTemplate(new QuantumTemplate(c.Circuit, Observable.ZOnEachQubit(n)), c.Tally);
    }

    /// <summary>
    /// The sentence-level QCNN of <paramref name="plan"/> in ONE circuit: amplitude encoding of inputs[0..V)
    /// (zero-padded, normalised), optional H on every qubit, then for each stage a convolution layer on the
    /// stage's active qubits (RY(θ) on each, CRY ring among them) followed, when the plan pools, by quantum
    /// pooling: for each (dropped d, kept k) pair CRY(d → k, φ₁), X(d), CRY(d → k, φ₂), X(d) — a trainable
    /// rotation of k conditioned on either value of d. Dropped qubits are never touched again and never
    /// measured, which with exact expectation values is exactly tracing them out. Outputs: the plan's observables.
    /// </summary>
    public static TalliedTemplate SentenceQcnn(QcnnPlan plan, int vocabSize, bool hadamard)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (QubitsFor(vocabSize) != plan.NumQubits)
            throw new ArgumentException(
                $"A vocabulary of {vocabSize} needs {QubitsFor(vocabSize)} qubits but the plan has {plan.NumQubits}.", nameof(vocabSize));
        var c = new TalliedCircuit(plan.NumQubits);
        c.Circuit.InitialAmplitudesFromInputs(0, vocabSize);
        if (hadamard)
            for (int q = 0; q < plan.NumQubits; q++) c.H(q);
        int parameter = 0;
        foreach (var stage in plan.Stages)
        {
            var active = stage.Active;
            foreach (int q in active) c.RY(q, Angle.Parameter(parameter++));
            if (active.Count >= 2)
                for (int i = 0; i < active.Count; i++) c.CRY(active[i], active[(i + 1) % active.Count], Angle.Parameter(parameter++));
            foreach (var (dropped, kept) in stage.Pairs)
            {
                c.CRY(dropped, kept, Angle.Parameter(parameter++));
                c.X(dropped);
                c.CRY(dropped, kept, Angle.Parameter(parameter++));
                c.X(dropped);
            }
        }
        c.Circuit.Declare(parameter, vocabSize);
        var observable = new Observable(plan.NumQubits);
        foreach (var term in plan.Observables) observable.AddOutput((1.0, term));
        return new TalliedTemplate(new QuantumTemplate(c.Circuit, observable), c.Tally);
    }

    /// <summary>
    /// Quantum fusion of two n-feature vectors in one 2n-qubit register: RY(word_k) on qubit k and RY(sentence_k)
    /// on qubit n + k (inputs 0..n−1 word, n..2n−1 sentence); per layer: RY(θ) on all 2n qubits, CRY(n+k → k)
    /// entangling each sentence qubit with its word qubit, and a CRY ring k → (k+1) mod n on the word half.
    /// Outputs ⟨Z_0⟩ … ⟨Z_{n−1}⟩ (the sentence half is traced out), or with <paramref name="readBothHalves"/>
    /// ⟨Z_k⟩ + ⟨Z_{n+k}⟩. Parameters 4n per layer. The encoding is RY(<paramref name="inputScale"/> · x): features
    /// in [−1, 1] with scale π cover the whole meridian of the Bloch sphere.
    /// </summary>
    /// <param name="features">n, features per branch (qubits per half).</param>
    /// <param name="layers">Trainable layers.</param>
    /// <param name="inputScale">Angle scale of the encoding.</param>
    /// <param name="readBothHalves">Read ⟨Z_k⟩ + ⟨Z_{n+k}⟩ instead of the word half only.</param>
    /// <exception cref="ArgumentOutOfRangeException">features &lt; 2 or layers &lt; 1.</exception>
    public static TalliedTemplate Fusion(int features, int layers, double inputScale = 1.0, bool readBothHalves = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        int n = features;
        var c = new TalliedCircuit(2 * n);
        for (int q = 0; q < 2 * n; q++) c.RY(q, Angle.Input(q, inputScale));
        int parameter = 0;
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < 2 * n; q++) c.RY(q, Angle.Parameter(parameter++));
            for (int k = 0; k < n; k++) c.CRY(n + k, k, Angle.Parameter(parameter++));
            for (int k = 0; k < n; k++) c.CRY(k, (k + 1) % n, Angle.Parameter(parameter++));
        }
        c.Circuit.Declare(parameter, 2 * n);
        var observable = new Observable(2 * n);
        for (int k = 0; k < n; k++)
        {
            if (readBothHalves) observable.AddOutput((1.0, PauliString.Z(k)), (1.0, PauliString.Z(n + k)));
            else observable.AddOutput((1.0, PauliString.Z(k)));
        }
        return new TalliedTemplate(new QuantumTemplate(c.Circuit, observable), c.Tally);
    }

    /// <summary>⌈log2 V⌉ for V ≥ 2.</summary>
    public static int QubitsFor(int vocabSize) => MsffCircuits.QubitsFor(vocabSize);
}
