using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// A circuit template with its trainable angles as one module — the batched TorchSharp analogue of
/// PennyLane's TorchLayer: <c>forward(inputs [B, NumInputs])</c> → outputs [B, OutputCount] through
/// <see cref="QuantumFunction"/>. The parameter is registered as <c>m_para</c> (the name pyvqnet's
/// quantum layers use, so the authors' checkpoint keys map one to one).
/// </summary>
/// <remarks>
/// Initialisation: every angle is drawn from U(0, 2π) with the generator given to the constructor
/// (pyvqnet's default for quantum layer weights), so a fixed seed gives fixed weights independently of
/// libtorch's process-wide RNG. The layer shares, but does not own, its template.
/// </remarks>
public sealed class QuantumLayer : nn.Module<Tensor, Tensor>, IQuantumCircuitProvider
{
    /// <summary>Creates the layer and draws its angles.</summary>
    /// <param name="template">Circuit + observable; the parameter length is its <see cref="QuantumTemplate.NumParameters"/>.</param>
    /// <param name="generator">Source of the initial angles (U(0, 2π)).</param>
    /// <param name="dtype">float64 (default) or float32.</param>
    public QuantumLayer(QuantumTemplate template, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumLayer))
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(generator);
        Template = template;
        Weights = new Parameter(empty([template.NumParameters], dtype));
        InitializeUniformAngles(Weights, generator);
        register_parameter("m_para", Weights);
    }

    /// <summary>Sub-modules are registered explicitly under their state_dict names; this turns off TorchSharp's
    /// reflection-based registration of module-typed fields, which would add them again under the field names.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The circuit template this layer evaluates.</summary>
    public QuantumTemplate Template { get; }

    /// <summary>The trainable angles [NumParameters] (state_dict name <c>m_para</c>).</summary>
    public Parameter Weights { get; }

    /// <summary>The one circuit of this layer, bound to <see cref="Weights"/>.</summary>
    public IEnumerable<QuantumCircuitView> QuantumCircuits => [new("", Template, Weights)];

    /// <summary>Outputs [B, OutputCount] for inputs [B, NumInputs] (same element type as the weights).</summary>
    public override Tensor forward(Tensor inputs) => QuantumFunction.Apply(Template, inputs, Weights);

    /// <summary>Fills <paramref name="parameter"/> with U(0, 2π) values from <paramref name="generator"/>.</summary>
    public static void InitializeUniformAngles(Tensor parameter, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        using var _ = no_grad();
        using var unit = rand(parameter.shape, parameter.dtype, parameter.device, generator: generator);
        using var angles = unit.mul(2 * Math.PI);
        parameter.copy_(angles);
    }
}
