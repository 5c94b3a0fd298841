using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// Quantum depthwise separable convolution: <see cref="QuantumWindowDepthwiseConv1d"/> (per-channel kernels,
/// width w) followed, when enabled, by <see cref="QuantumPointwiseConv1d"/> (channel mixing).
/// [B, C, ℓ] → [B, C, ℓ − w + 1]. state_dict: <c>depthwise.kernels</c>, <c>pointwise.mixer.m_para</c>.
/// </summary>
/// <remarks>
/// Cost per output position (<see cref="QuantumConvCost"/>): C kernels + one C-qubit mixer, against C² kernels for
/// the standard quantum convolution of the same width.
/// </remarks>
public sealed class QuantumDepthwiseSeparableConv1d : nn.Module<Tensor, Tensor>
{
    private readonly QuantumWindowDepthwiseConv1d _depthwise;
    private readonly QuantumPointwiseConv1d? _pointwise;

    /// <summary>Creates the depthwise kernels, then the mixer (if <paramref name="pointwiseLayers"/> &gt; 0), from <paramref name="generator"/>.</summary>
    public QuantumDepthwiseSeparableConv1d(int channels, int width, int depth, int pointwiseLayers, Generator generator,
        ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumDepthwiseSeparableConv1d))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pointwiseLayers);
        _depthwise = new QuantumWindowDepthwiseConv1d(channels, width, depth, generator, dtype);
        register_module("depthwise", _depthwise);
        if (pointwiseLayers > 0)
        {
            _pointwise = new QuantumPointwiseConv1d(channels, pointwiseLayers, generator, dtype);
            register_module("pointwise", _pointwise);
        }
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The depthwise part.</summary>
    public QuantumWindowDepthwiseConv1d Depthwise => _depthwise;

    /// <summary>The pointwise part, or null when switched off.</summary>
    public QuantumPointwiseConv1d? Pointwise => _pointwise;

    /// <summary>Window width.</summary>
    public int Width => _depthwise.Width;

    /// <summary>Gates per output position (depthwise kernels + mixer).</summary>
    public GateTally GatesPerPosition => _depthwise.GatesPerPosition + (_pointwise?.GatesPerPosition ?? GateTally.Zero);

    /// <summary>[B, C, ℓ] → [B, C, ℓ − w + 1].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor output = _depthwise.forward(input);
        if (_pointwise is not null) output = _pointwise.forward(output);
        return output.MoveToOuterDisposeScope();
    }
}
