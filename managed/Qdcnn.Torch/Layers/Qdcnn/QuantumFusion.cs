using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// Trainable quantum fusion (<see cref="QdcnnCircuits.Fusion"/>): the word-level and sentence-level feature
/// vectors (n each) are angle-encoded on the two halves of a 2n-qubit register, entangled by trainable CRY gates
/// (sentence qubit → word qubit, then a CRY ring on the word half) and read out as ⟨Z⟩ of the n word qubits
/// (optionally plus the paired sentence qubit). The encoding angle is scale · x (the model uses π).
/// Replaces the paper's element-wise sum. (word [B, n], sentence [B, n]) → [B, n]; one native call.
/// state_dict: <c>fusion.m_para</c> [4n·layers].
/// </summary>
public sealed class QuantumFusion : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TalliedTemplate _circuit;
    private readonly QuantumLayer _fusion;

    /// <summary>Builds the circuit and draws its angles from <paramref name="generator"/> (U(0, 2π)).</summary>
    /// <param name="features">n, features per branch.</param>
    /// <param name="layers">Trainable layers of the fusion circuit.</param>
    /// <param name="generator">Source of the initial angles.</param>
    /// <param name="dtype">float64 or float32.</param>
    /// <param name="inputScale">Encoding RY(inputScale · x) (see <see cref="QdcnnCircuits.Fusion"/>).</param>
    /// <param name="readBothHalves">Read ⟨Z_k⟩ + ⟨Z_{n+k}⟩ instead of the word half only.</param>
    public QuantumFusion(int features, int layers, Generator generator, ScalarType dtype = ScalarType.Float64, double inputScale = 1.0, bool readBothHalves = false)
        : base(nameof(QuantumFusion))
    {
        Features = features;
        _circuit = QdcnnCircuits.Fusion(features, layers, inputScale, readBothHalves);
        _fusion = new QuantumLayer(_circuit.Template, generator, dtype);
        register_module("fusion", _fusion);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Features n per branch.</summary>
    public int Features { get; }

    /// <summary>The circuit (2n qubits).</summary>
    public QuantumTemplate Template => _circuit.Template;

    /// <summary>The trainable angles.</summary>
    public TorchSharp.Modules.Parameter Weights => _fusion.Weights;

    /// <summary>Gates of the one circuit evaluated per sample.</summary>
    public GateTally GatesPerSample => _circuit.Gates;

    /// <summary>Fused features [B, n].</summary>
    /// <exception cref="ArgumentException">The two inputs are not both [B, n].</exception>
    public override Tensor forward(Tensor word, Tensor sentence)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(sentence);
        if (word.dim() != 2 || sentence.dim() != 2 || word.shape[1] != Features || sentence.shape[1] != Features || word.shape[0] != sentence.shape[0])
            throw new ArgumentException(
                $"Quantum fusion needs word and sentence features [B, {Features}] each; got [{string.Join(", ", word.shape)}] and [{string.Join(", ", sentence.shape)}].",
                nameof(sentence));
        using var scope = NewDisposeScope();
        return _fusion.forward(cat([word, sentence], 1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _circuit.Template.Dispose();
    }
}
