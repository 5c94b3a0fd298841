using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// Quantum depthwise convolution with one kernel PER CHANNEL and any window width w
/// (<see cref="QdcnnCircuits.WindowKernel"/>): out[c, f] = K_c(x[c, f:f+w]) ("valid", stride 1, ℓ → ℓ − w + 1).
/// Channel c's windows only ever meet kernel c, so channels stay independent (the pointwise layer mixes them).
/// All B × C × positions windows run in one native call, each with its kernel's angles bound as inputs.
/// state_dict: <c>kernels</c> [C, w·depth], θ_c[d, j] at column d·w + j.
/// </summary>
public sealed class QuantumWindowDepthwiseConv1d : nn.Module<Tensor, Tensor>, IQuantumCircuitProvider
{
    private readonly TalliedTemplate _kernel;

    /// <summary>Creates C kernels of width <paramref name="width"/>, angles U(0, 2π) from <paramref name="generator"/>.</summary>
    public QuantumWindowDepthwiseConv1d(int channels, int width, int depth, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumWindowDepthwiseConv1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentNullException.ThrowIfNull(generator);
        Channels = channels;
        Width = width;
        Depth = depth;
        _kernel = QdcnnCircuits.WindowKernel(width, depth);
        Kernels = new Parameter(empty([channels, width * depth], dtype));
        QuantumLayer.InitializeUniformAngles(Kernels, generator);
        register_parameter("kernels", Kernels);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Channels C.</summary>
    public int Channels { get; }

    /// <summary>Window width w (qubits per kernel).</summary>
    public int Width { get; }

    /// <summary>Depth of each kernel.</summary>
    public int Depth { get; }

    /// <summary>Kernel angles [C, w·depth].</summary>
    public Parameter Kernels { get; }

    /// <summary>The kernel template (angles as inputs).</summary>
    public QuantumTemplate Template => _kernel.Template;

    /// <summary>Gates of the C kernel circuits that produce one output position.</summary>
    public GateTally GatesPerPosition => _kernel.Gates * Channels;

    /// <summary>One circuit per channel: the kernel template with channel c's angles bound to inputs w.. (the window is inputs 0..w−1).</summary>
    public IEnumerable<QuantumCircuitView> QuantumCircuits =>
        Enumerable.Range(0, Channels).Select(c => new QuantumCircuitView($"kernels.{c}", Template, null, AngleInputs: (Width, Kernels[c])));

    /// <summary>[B, C, ℓ] → [B, C, ℓ − w + 1].</summary>
    /// <exception cref="ArgumentException">Wrong rank, channel count, or ℓ &lt; w.</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[1] != Channels || input.shape[2] < Width)
            throw new ArgumentException(
                $"A width-{Width} quantum depthwise conv over {Channels} channels needs [B, {Channels}, ℓ ≥ {Width}]; got [{string.Join(", ", input.shape)}].",
                nameof(input));
        using var scope = NewDisposeScope();
        long batch = input.shape[0];
        Tensor windows = input.unfold(2, Width, 1);                 // [B, C, F, w]
        long positions = windows.shape[2];
        Tensor angles = Kernels.view(1, Channels, 1, -1).expand(batch, Channels, positions, -1);
        Tensor inputs = cat([windows, angles.to_type(windows.dtype)], -1).reshape(-1, Template.NumInputs);
        using var none = empty([0], input.dtype);
        return QuantumFunction.Apply(Template, inputs, none).view(batch, Channels, positions).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _kernel.Template.Dispose();
    }
}
