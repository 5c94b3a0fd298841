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

    [Fact]
    public void Token_index_lists_distinct_ids_ascending_and_maps_every_token_back()
    {
        long[] ids = [7, 3, 7, 0, 18, 3];
        var index = TokenIndex.Of(ids, 19);
        Assert.Equal(new long[] { 0, 3, 7, 18 }, index.Distinct);
        Assert.Equal(ids, index.Inverse.Select(u => index.Distinct[u]).ToArray());
        double[] rows = index.OneHotRows<double>(19);
        Assert.Equal(4 * 19, rows.Length);
        for (int u = 0; u < 4; u++)
            for (int v = 0; v < 19; v++) Assert.Equal(v == index.Distinct[u] ? 1.0 : 0.0, rows[u * 19 + v]);
        Assert.Contains("[0, 19); found 40", Assert.Throws<ArgumentException>(() => TokenIndex.Of([2, 19, 40], 19)).Message);
        Assert.Contains("found -1", Assert.Throws<ArgumentException>(() => TokenIndex.Of([-1, 40], 19)).Message);
        Assert.Throws<ArgumentException>(() => TokenIndex.Of([], 19));
    }

    [Fact]
    public void Template_span_calls_equal_the_autograd_function_and_are_counted()
    {
        using var template = MsffCircuits.ConvKernel(2, anglesAsInputs: false);
        using var g = Seeds.Generator(24);
        using var inputs = Seeds.Uniform([5, 3], 0, 3, g, requiresGrad: true);
        using var weights = Seeds.Uniform([6], 0, 6, g, requiresGrad: true);
        using var outputWeights = Seeds.Uniform([5, 1], -1, 1, g);
        using var y = QuantumFunction.Apply(template, inputs, weights);
        using (var loss = (y * outputWeights).sum()) loss.backward();

        double[] x = inputs.detach().data<double>().ToArray(), p = weights.detach().data<double>().ToArray();
        double[] gy = outputWeights.data<double>().ToArray();
        var outputs = new double[5];
        var gx = new double[15];
        var gp = new double[6];
        long forward = template.ForwardCalls, backward = template.BackwardCalls;
        template.Forward(p, x, 5, outputs);
        template.Backward(p, x, 5, gy, gx, gp);
        Assert.Equal(1, template.ForwardCalls - forward);
        Assert.Equal(1, template.BackwardCalls - backward);
        Assert.Equal(y.detach().data<double>().ToArray(), outputs);
        Assert.Equal(inputs.grad!.data<double>().ToArray(), gx);
        Assert.Equal(weights.grad!.data<double>().ToArray(), gp);
    }
}
