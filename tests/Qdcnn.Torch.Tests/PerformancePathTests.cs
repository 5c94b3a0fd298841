using Qdcnn.Torch.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests;

/// <summary>The managed fast paths added for issue 7: token de-duplication in managed code, simulator threads per template.</summary>
public class PerformancePathTests
{
    [Fact]
    public void Float32_word_embedding_matches_float64_and_a_strided_id_tensor_gives_the_same_result()
    {
        using var g64 = Seeds.Generator(21);
        using var g32 = Seeds.Generator(21);
        using var layer64 = new QuantumEmbedding(19, 2, true, g64);
        using var layer32 = new QuantumEmbedding(19, 2, true, g32, ScalarType.Float32);
        using (no_grad()) layer32.Weights.copy_(layer64.Weights);
        using var ids = tensor(new long[] { 3, 0, 18, 3, 7, 7, 1, 0 }, [2, 4]);
        using var transposed = ids.t(); // non-contiguous [4, 2]

        using var y64 = layer64.EmbedTokens(ids);
        using var y32 = layer32.EmbedTokens(ids);
        using var yT = layer64.EmbedTokens(transposed);

        Assert.Equal(ScalarType.Float32, y32.dtype);
        Assert.True(y32.to_type(ScalarType.Float64).allclose(y64, rtol: 0, atol: 1e-5));
        using var expectedT = y64.transpose(0, 1);
        Assert.True(yT.allclose(expectedT, rtol: 0, atol: 1e-12));
    }

    [Fact]
    public void Word_embedding_gradient_still_reaches_the_weights()
    {
        using var g = Seeds.Generator(22);
        using var layer = new QuantumEmbedding(19, 1, false, g);
        using var ids = tensor(new long[] { 4, 4, 9, 2 }, [1, 4]);
        using (var loss = layer.EmbedTokens(ids).square().sum()) loss.backward();
        Assert.NotNull(layer.Weights.grad);
        Assert.True(layer.Weights.grad!.abs().sum().item<double>() > 0);
    }

    [Fact]
    public void Simulator_threads_do_not_change_results_and_must_be_positive()
    {
        using var template = MsffCircuits.Embedding(200, 2, true); // 8 qubits
        using var g = Seeds.Generator(23);
        using var inputs = Seeds.Uniform([16, 200], 0.1, 1, g);
        using var weights = Seeds.Uniform([16], 0, 6, g);
        using var one = QuantumFunction.Apply(template, inputs, weights);
        template.SimulatorThreads = 2;
        using var two = QuantumFunction.Apply(template, inputs, weights);
        Assert.Equal(2, template.SimulatorThreads);
        Assert.True(two.allclose(one, rtol: 0, atol: 1e-12));
        Assert.Throws<ArgumentOutOfRangeException>(() => template.SimulatorThreads = 0);
    }
}
