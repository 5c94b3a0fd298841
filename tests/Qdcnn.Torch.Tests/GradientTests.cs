using Qdcnn.Torch.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests;

/// <summary>
/// The adjoint gradients of every quantum layer (through <see cref="QuantumFunction"/>) equal central finite
/// differences to 1e-6 in float64, with respect to the layer's inputs and its trainable angles.
/// </summary>
public class GradientTests
{
    [Theory]
    [InlineData(19, 1, false)] // MC embedding
    [InlineData(12, 3, true)]  // RP-style: H layer, several layers
    public void Embedding_of_vectors(int vocab, int layers, bool hadamard)
    {
        using var g = Seeds.Generator(1);
        using var layer = new QuantumEmbedding(vocab, layers, hadamard, g);
        using var x = Seeds.Uniform([3, vocab], 0.1, 1.0, g, requiresGrad: true);
        using var w = Seeds.Uniform([3, layer.NumQubits], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), [x, layer.Weights]);
    }

    [Fact]
    public void Embedding_of_tokens_with_respect_to_angles()
    {
        using var g = Seeds.Generator(2);
        using var layer = new QuantumEmbedding(19, 2, true, g);
        using var ids = tensor(new long[] { 3, 4, 3, 1, 18, 0, 4, 4 }, [2, 4]);
        using var w = Seeds.Uniform([2, 4, layer.NumQubits], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.EmbedTokens(ids), w), [layer.Weights]);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void Depthwise_convolution(int depth, bool kernelPerChannel)
    {
        using var g = Seeds.Generator(3);
        using var layer = new QuantumDepthwiseConv1d(3, depth, g, kernelPerChannel);
        using var x = Seeds.Uniform([2, 3, 5], -1, 1, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, 3, 3], -1, 1, g);
        var leaves = new List<Tensor> { x };
        leaves.AddRange(layer.Bank.Kernels.Select(k => (Tensor)k.Weights));
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), leaves.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Standard_convolution(int depth)
    {
        using var g = Seeds.Generator(4);
        using var layer = new QuantumConv1d(3, depth, g);
        using var x = Seeds.Uniform([2, 3, 5], -1, 1, g, requiresGrad: true);
        using var w = Seeds.Uniform([2, 3, 3], -1, 1, g);
        var leaves = new List<Tensor> { x };
        leaves.AddRange(layer.Bank.Kernels.Select(k => (Tensor)k.Weights));
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), leaves.ToArray());
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    public void Fully_connected(int qubits, int classes)
    {
        using var g = Seeds.Generator(5);
        using var layer = new QuantumFullyConnected(qubits, classes, g);
        using var x = Seeds.Uniform([4, qubits], -2, 2, g, requiresGrad: true);
        using var w = Seeds.Uniform([4, classes], -1, 1, g);
        GradientCheck.Assert(() => GradientCheck.WeightedSum(layer.forward(x), w), [x, layer.Weights]);
    }
}
