using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// Quantum pointwise convolution (the quantum 1×1 conv, <see cref="QdcnnCircuits.Pointwise"/>): at every position
/// the C channel values are angle-encoded on C qubits, mixed by a trainable RY + CRY-ring circuit, and read out
/// as ⟨Z_k⟩ → C mixed channels. [B, C, ℓ] → [B, C, ℓ]; all B × ℓ positions run in one native call.
/// state_dict: <c>mixer.m_para</c> [2·C·layers].
/// </summary>
public sealed class QuantumPointwiseConv1d : nn.Module<Tensor, Tensor>
{
    private readonly TalliedTemplate _circuit;
    private readonly QuantumLayer _mixer;

    /// <summary>Builds the circuit and draws its angles from <paramref name="generator"/> (U(0, 2π)).</summary>
    public QuantumPointwiseConv1d(int channels, int layers, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumPointwiseConv1d))
    {
        Channels = channels;
        _circuit = QdcnnCircuits.Pointwise(channels, layers);
        _mixer = new QuantumLayer(_circuit.Template, generator, dtype);
        register_module("mixer", _mixer);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Channels C (= qubits).</summary>
    public int Channels { get; }

    /// <summary>The mixing circuit.</summary>
    public QuantumTemplate Template => _circuit.Template;

    /// <summary>The trainable angles.</summary>
    public TorchSharp.Modules.Parameter Weights => _mixer.Weights;

    /// <summary>Gates of the one circuit evaluated per position.</summary>
    public GateTally GatesPerPosition => _circuit.Gates;

    /// <summary>[B, C, ℓ] → [B, C, ℓ].</summary>
    /// <exception cref="ArgumentException">Wrong rank or channel count.</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[1] != Channels)
            throw new ArgumentException(
                $"A quantum pointwise conv over {Channels} channels needs [B, {Channels}, ℓ]; got [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        long batch = input.shape[0], length = input.shape[2];
        Tensor rows = input.transpose(1, 2).reshape(-1, Channels);    // [B·ℓ, C]
        Tensor mixed = _mixer.forward(rows);                            // [B·ℓ, C]
        return mixed.view(batch, length, Channels).transpose(1, 2).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _circuit.Template.Dispose();
    }
}
