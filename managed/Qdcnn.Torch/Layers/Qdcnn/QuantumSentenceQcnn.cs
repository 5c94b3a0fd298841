using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// The sentence-level branch: a QCNN with quantum pooling on the amplitude-encoded TF-IDF vector, in one circuit
/// (<see cref="QdcnnCircuits.SentenceQcnn"/>; layout in <see cref="QcnnPlan"/>): amplitude encoding → [conv →
/// pool] × k → measure the kept qubits. With pooling off, the same number of conv layers act on the whole register
/// and every qubit's ⟨Z⟩ is measured. [B, V] → [B, outputs]; one native call per batch.
/// state_dict: <c>qcnn.m_para</c>.
/// </summary>
public sealed class QuantumSentenceQcnn : nn.Module<Tensor, Tensor>, IQuantumCircuitProvider
{
    private readonly TalliedTemplate _circuit;
    private readonly QuantumLayer _qcnn;

    /// <summary>Builds the plan and circuit for a vocabulary of <paramref name="vocabSize"/>, angles U(0, 2π).</summary>
    /// <param name="vocabSize">V; the register has ⌈log2 V⌉ qubits.</param>
    /// <param name="outputs">Features produced (at most the qubit count).</param>
    /// <param name="pooling">Quantum pooling on (QCNN) or off (conv layers only, measure all).</param>
    /// <param name="hadamard">H on every qubit after the amplitude encoding.</param>
    /// <param name="generator">Source of the initial angles.</param>
    /// <param name="dtype">float64 or float32.</param>
    public QuantumSentenceQcnn(int vocabSize, int outputs, bool pooling, bool hadamard, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumSentenceQcnn))
    {
        VocabSize = vocabSize;
        Plan = QcnnPlan.Create(QdcnnCircuits.QubitsFor(vocabSize), outputs, pooling);
        _circuit = QdcnnCircuits.SentenceQcnn(Plan, vocabSize, hadamard);
        _qcnn = new QuantumLayer(_circuit.Template, generator, dtype);
        register_module("qcnn", _qcnn);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Vocabulary size V (input width).</summary>
    public int VocabSize { get; }

    /// <summary>Stages, pooling pairs and measured observables.</summary>
    public QcnnPlan Plan { get; }

    /// <summary>The circuit.</summary>
    public QuantumTemplate Template => _circuit.Template;

    /// <summary>The trainable angles.</summary>
    public TorchSharp.Modules.Parameter Weights => _qcnn.Weights;

    /// <summary>Gates of the one circuit evaluated per sentence.</summary>
    public GateTally GatesPerSample => _circuit.Gates;

    /// <summary>The QCNN circuit (amplitude encoding of inputs[0..V)), bound to <see cref="Weights"/>.</summary>
    public IEnumerable<QuantumCircuitView> QuantumCircuits => [new("qcnn", Template, Weights, (0, VocabSize))];

    /// <summary>Non-zero vectors [B, V] → features [B, outputs].</summary>
    public override Tensor forward(Tensor vectors) => _qcnn.forward(vectors);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _circuit.Template.Dispose();
    }
}
