using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// The MSFF quantum fully connected layer (<see cref="MsffCircuits.FullyConnected"/>): features [B, n] are
/// angle-encoded (no scaling) and the outputs ⟨Z_0⟩…⟨Z_{C−1}⟩ [B, C] are the logits.
/// state_dict: <c>linear.m_para</c> [n + 1].
/// </summary>
public sealed class QuantumFullyConnected : nn.Module<Tensor, Tensor>
{
    private readonly QuantumLayer _linear;

    /// <summary>Builds the circuit and draws the angles from <paramref name="generator"/> (U(0, 2π)).</summary>
    public QuantumFullyConnected(int numQubits, int numClasses, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumFullyConnected))
    {
        Template = MsffCircuits.FullyConnected(numQubits, numClasses);
        _linear = new QuantumLayer(Template, generator, dtype);
        register_module("linear", _linear);
    }

    /// <summary>Sub-modules are registered explicitly under their state_dict names; this turns off TorchSharp's
    /// reflection-based registration of module-typed fields, which would add them again under the field names.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The circuit (owned by this module).</summary>
    public QuantumTemplate Template { get; }

    /// <summary>The trainable angles φ [n + 1].</summary>
    public Parameter Weights => _linear.Weights;

    /// <summary>Logits [B, C] for features [B, n].</summary>
    public override Tensor forward(Tensor features) => _linear.forward(features);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Template.Dispose();
    }
}
