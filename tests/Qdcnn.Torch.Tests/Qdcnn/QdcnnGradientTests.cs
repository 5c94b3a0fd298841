using Qdcnn.Torch.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests.Qdcnn;

/// <summary>
/// Every new layer of the quantum deep CNN: adjoint gradients (through the native backward) equal central finite
/// differences to 1e-6 in float64, for the layer's inputs and its trainable angles.
/// </summary>
public class QdcnnGradientTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Window_depthwise_convolution(int width, int depth)
    {
        using var g = Seeds.Generator(11);
        using var layer = new QuantumWindowDepthwiseConv1d(3, width, depth, g);
        using var x = Seeds.Uniform([2, 3, 5], -1.5, 1.5, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, 3, 5 - width + 1], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), [x, layer.Kernels]);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public void Pointwise_convolution(int channels, int layers)
    {
        using var g = Seeds.Generator(12);
        using var layer = new QuantumPointwiseConv1d(channels, layers, g);
        using var x = Seeds.Uniform([2, channels, 3], -1.5, 1.5, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, channels, 3], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), [x, layer.Weights]);
    }

    [Fact]
    public void Multi_scale_depthwise_separable_word_convolution()
    {
        using var g = Seeds.Generator(13);
        using var layer = new QuantumMultiScaleWordConv(3, [2, 3], 1, 1, 1, g);
        using var x = Seeds.Uniform([2, 3, 4], -1, 1, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, 3], -1, 1, g);
        var leaves = new List<Tensor> { x };
        leaves.AddRange(layer.parameters());
        Assert.Equal(4, leaves.Count - 1); // two scales × (depthwise kernels + pointwise mixer)
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), leaves.ToArray());
    }

    [Theory]
    [InlineData(19, true, false)]  // MC-sized register, QCNN with pooling
    [InlineData(19, false, false)] // pooling off
    [InlineData(12, true, true)]   // H after encoding
    public void Sentence_qcnn(int vocab, bool pooling, bool hadamard)
    {
        using var g = Seeds.Generator(14);
        int n = QdcnnCircuits.QubitsFor(vocab);
        using var layer = new QuantumSentenceQcnn(vocab, n, pooling, hadamard, g);
        using var x = Seeds.Uniform([2, vocab], 0.1, 1.0, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, n], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), [x, layer.Weights]);
    }

    [Fact]
    public void Quantum_fusion()
    {
        using var g = Seeds.Generator(15);
        using var layer = new QuantumFusion(3, 2, g);
        using var word = Seeds.Uniform([2, 3], -1.5, 1.5, g, requiresGrad: true);
        using var sentence = Seeds.Uniform([2, 3], -1, 1, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, 3], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(word, sentence), w), [word, sentence, layer.Weights]);
    }

    [Fact]
    public void Quantum_fusion_with_scaled_inputs_read_on_both_halves()
    {
        using var g = Seeds.Generator(17);
        using var layer = new QuantumFusion(3, 1, g, inputScale: Math.PI / 2, readBothHalves: true);
        using var word = Seeds.Uniform([2, 3], -1, 1, g, requiresGrad: true);
        using var sentence = Seeds.Uniform([2, 3], -1, 1, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, 3], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(word, sentence), w), [word, sentence, layer.Weights]);
    }

    [Fact]
    public void Quantum_fusion_reads_both_halves_as_the_sum_of_paired_z()
    {
        // With every trainable angle zero, both halves stay product states: out_k = cos(s·word_k) + cos(s·sentence_k).
        using var g = Seeds.Generator(18);
        using var layer = new QuantumFusion(3, 1, g, inputScale: 0.7, readBothHalves: true);
        using (no_grad()) layer.Weights.zero_();
        using var word = tensor(new[] { 0.3, -0.8, 1.0 }, [1, 3], ScalarType.Float64);
        using var sentence = tensor(new[] { -0.5, 0.2, 0.9 }, [1, 3], ScalarType.Float64);
        using var output = layer.forward(word, sentence);
        double[] expected = [Math.Cos(0.21) + Math.Cos(-0.35), Math.Cos(-0.56) + Math.Cos(0.14), Math.Cos(0.7) + Math.Cos(0.63)];
        var actual = output.data<double>().ToArray();
        for (int k = 0; k < 3; k++) Assert.Equal(expected[k], actual[k], 12);
    }

    [Fact]
    public void Quantum_self_attention_of_the_qsann_baseline()
    {
        using var g = Seeds.Generator(16);
        using var layer = new QuantumSelfAttention(3, 2, g);
        using var tokens = Seeds.Uniform([2, 4, 3], -1, 1, g, requiresGrad: true);
        using var mask = tensor(new[] { true, true, true, false, true, false, true, true }, [2, 4]);
        using var w = Seeds.Uniform([2, 4, 3], -1, 1, g);
        var leaves = new List<Tensor> { tokens };
        leaves.AddRange(layer.parameters());
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(tokens, mask), w), leaves.ToArray());
    }
}
