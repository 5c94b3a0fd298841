using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// The word-level branch's convolution: for each n-gram width w (e.g. 2 and 3) a stack of L quantum depthwise
/// separable convolutions over the embedded sequence, mean over the remaining positions, then the widths'
/// features AVERAGED → [B, C]. Averaging keeps the width C without another projection circuit and gives each
/// scale the same weight. [B, C, ℓ] → [B, C].
/// state_dict: <c>scales.&lt;i&gt;.&lt;l&gt;.…</c> for width i (in the given order) and layer l.
/// </summary>
public sealed class QuantumMultiScaleWordConv : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ModuleList<QuantumDepthwiseSeparableConv1d>> _scales;

    /// <summary>Creates every scale's layers in width order, each layer's angles from <paramref name="generator"/>.</summary>
    /// <exception cref="ArgumentException">No width, or a width below 2.</exception>
    public QuantumMultiScaleWordConv(int channels, IReadOnlyList<int> widths, int layers, int depth, int pointwiseLayers,
        Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumMultiScaleWordConv))
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0 || widths.Any(w => w < 2))
            throw new ArgumentException($"n-gram widths must be at least 2; got [{string.Join(", ", widths)}].", nameof(widths));
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        Widths = widths.ToArray();
        Layers = layers;
        _scales = nn.ModuleList(Widths.Select(w => nn.ModuleList(Enumerable.Range(0, layers)
            .Select(_ => new QuantumDepthwiseSeparableConv1d(channels, w, depth, pointwiseLayers, generator, dtype)).ToArray())).ToArray());
        register_module("scales", _scales);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>n-gram widths.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Stacked layers per width.</summary>
    public int Layers { get; }

    /// <summary>The layers of width index <paramref name="scale"/>.</summary>
    public IReadOnlyList<QuantumDepthwiseSeparableConv1d> Scale(int scale) => _scales[scale].ToList();

    /// <summary>Shortest input length every width can convolve L times.</summary>
    public int MinimumLength => Widths.Max(w => Layers * (w - 1) + 1);

    /// <summary>Gates per sample for an input of <paramref name="length"/> positions.</summary>
    public GateTally GatesPerSample(int length)
    {
        var total = GateTally.Zero;
        foreach (var scale in _scales)
        {
            int current = length;
            foreach (var layer in scale)
            {
                current -= layer.Width - 1;
                total += layer.GatesPerPosition * current;
            }
        }
        return total;
    }

    /// <summary>[B, C, ℓ] → [B, C] (mean over positions per width, averaged over widths).</summary>
    /// <exception cref="ArgumentException">ℓ below <see cref="MinimumLength"/>.</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[2] < MinimumLength)
            throw new ArgumentException(
                $"The multi-scale word conv (widths {string.Join("/", Widths)}, {Layers} layer(s)) needs [B, C, ℓ ≥ {MinimumLength}]; got [{string.Join(", ", input.shape)}].",
                nameof(input));
        using var scope = NewDisposeScope();
        var features = new List<Tensor>();
        foreach (var scale in _scales)
        {
            Tensor x = input;
            foreach (var layer in scale) x = layer.forward(x);
            features.Add(x.mean([2]));
        }
        return stack(features).mean([0]).MoveToOuterDisposeScope();
    }
}
