using Qdcnn.Quantum;
using Qdcnn.Torch.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests;

/// <summary>Precision paths, native-call accounting, zero-copy hand-over, thread safety and errors.</summary>
public class QuantumFunctionTests
{
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void Float32_runs_forward_and_backward_and_matches_float64_loosely()
    {
        using var g64 = Seeds.Generator(11);
        using var g32 = Seeds.Generator(11);
        using var layer64 = new QuantumConv1d(3, 2, g64);
        using var layer32 = new QuantumConv1d(3, 2, g32, ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, layer32.Bank.Kernels[0].Weights.dtype);
        using (no_grad())
            for (int i = 0; i < 9; i++) layer32.Bank.Kernels[i].Weights.copy_(layer64.Bank.Kernels[i].Weights);
        using var g = Seeds.Generator(12);
        using var x64 = Seeds.Uniform([2, 3, 6], -1, 1, g, requiresGrad: true);
        using var x32 = x64.detach().to_type(ScalarType.Float32).requires_grad_(true);

        using var y64 = layer64.forward(x64);
        using var y32 = layer32.forward(x32);
        Assert.Equal(ScalarType.Float32, y32.dtype);
        Assert.True(y32.to_type(ScalarType.Float64).allclose(y64, rtol: 0, atol: 1e-5));

        using (var loss = y64.square().sum()) loss.backward();
        using (var loss = y32.square().sum()) loss.backward();
        Assert.True(x32.grad!.to_type(ScalarType.Float64).allclose(x64.grad!, rtol: 1e-4, atol: 1e-4));
        using var kernel32 = layer32.Bank.Kernels[5].Weights.grad!.to_type(ScalarType.Float64);
        Assert.True(kernel32.allclose(layer64.Bank.Kernels[5].Weights.grad!, rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void Word_embedding_evaluates_each_distinct_token_once_and_equals_per_token_evaluation()
    {
        using var g = Seeds.Generator(13);
        using var layer = new QuantumEmbedding(19, 1, false, g);
        long[] flat = [5, 7, 5, 1, 1, 1, 7, 5, 2, 1, 1, 1, 18, 5, 0, 1, 1, 1];
        using var ids = tensor(flat, [3, 6]);
        long calls = layer.Template.ForwardCalls, samples = layer.Template.ForwardSamples;

        using var embedded = layer.EmbedTokens(ids);

        Assert.Equal(new long[] { 3, 6, 5 }, embedded.shape);
        Assert.Equal(1, layer.Template.ForwardCalls - calls);
        Assert.Equal(flat.Distinct().Count(), layer.Template.ForwardSamples - samples);
        for (int i = 0; i < flat.Length; i++)
        {
            // Naive: one circuit per token, amplitude-encoding its one-hot vector.
            using var oneHot = zeros(1, 19, dtype: ScalarType.Float64);
            oneHot[0, flat[i]] = 1.0;
            using var single = layer.forward(oneHot);
            using var row = embedded[i / 6, i % 6];
            Assert.True(row.allclose(single[0], rtol: 0, atol: 1e-12), $"token {i} (id {flat[i]}) differs from its own evaluation");
        }
    }

    [Fact]
    public void Each_layer_forward_and_backward_is_one_native_call()
    {
        using var g = Seeds.Generator(14);
        using var layer = new QuantumConv1d(4, 2, g);
        using var x = Seeds.Uniform([8, 4, 6], -1, 1, g, requiresGrad: true);
        var template = layer.Bank.Bank;
        long forward = template.ForwardCalls, backward = template.BackwardCalls, samples = template.ForwardSamples;
        using (var loss = layer.forward(x).sum()) loss.backward();
        Assert.Equal(1, template.ForwardCalls - forward);
        Assert.Equal(1, template.BackwardCalls - backward);
        Assert.Equal(8 * 16 * 4, template.ForwardSamples - samples); // B × n² × positions
    }

    [Fact]
    public void Contiguous_tensors_are_handed_over_without_copies()
    {
        using var t = zeros(2, 3, dtype: ScalarType.Float64);
        var span = TensorMemory.Span<double>(t);
        span[4] = 2.5;
        Assert.Equal(2.5, t[1, 1].item<double>());
        using var transposed = t.t();
        Assert.Throws<ArgumentException>(() => TensorMemory.Span<double>(transposed));
    }

    [Fact]
    public void Non_contiguous_inputs_are_accepted()
    {
        using var g = Seeds.Generator(15);
        using var layer = new QuantumFullyConnected(5, 2, g);
        using var x = Seeds.Uniform([5, 4], -1, 1, g);
        using var transposed = x.t();
        using var contiguous = transposed.contiguous();
        using var a = layer.forward(transposed);
        using var b = layer.forward(contiguous);
        Assert.True(Same(a, b));
    }

    [Fact]
    public void Concurrent_forward_calls_on_one_layer_use_separate_simulators_and_agree()
    {
        using var g = Seeds.Generator(16);
        using var layer = new QuantumEmbedding(98, 5, true, g);
        using var x = Seeds.Uniform([64, 98], 0.1, 1, g);
        Tensor expected;
        using (no_grad()) expected = layer.forward(x);
        var results = new Tensor[4];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using (no_grad())
                for (int r = 0; r < 5; r++)
                {
                    results[i]?.Dispose();
                    results[i] = layer.forward(x);
                }
        });
        foreach (var r in results) Assert.True(Same(r, expected));
        expected.Dispose();
        foreach (var r in results) r.Dispose();
    }

    [Fact]
    public void Bad_shapes_and_types_are_clear_errors()
    {
        using var g = Seeds.Generator(17);
        using var layer = new QuantumFullyConnected(5, 2, g);
        using var wrongWidth = zeros(3, 4, dtype: ScalarType.Float64);
        Assert.Contains("[B, 5]", Assert.Throws<ArgumentException>(() => layer.forward(wrongWidth)).Message);
        using var wrongType = zeros(3, 5, dtype: ScalarType.Float32);
        Assert.Contains("one element type", Assert.Throws<ArgumentException>(() => layer.forward(wrongType)).Message);
        using var conv = new QuantumDepthwiseConv1d(4, 1, g);
        using var tooShort = zeros(2, 4, 2, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => conv.forward(tooShort));
        using var embedding = new QuantumEmbedding(19, 1, false, g);
        using var badIds = tensor(new long[] { 3, 19 }, [1, 2]);
        Assert.Contains("[0, 19)", Assert.Throws<ArgumentException>(() => embedding.EmbedTokens(badIds)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => MsffCircuits.Embedding(19, 5, false)); // layer 4 on 5 qubits: CNOT(k → k)
        Assert.Throws<ArgumentOutOfRangeException>(() => MsffCircuits.FullyConnected(2, 2));
    }

    [Fact]
    public void Initialisation_is_seeded_and_uniform_in_zero_to_two_pi()
    {
        using var g1 = Seeds.Generator(21);
        using var g2 = Seeds.Generator(21);
        using var a = new QuantumConv1d(5, 2, g1);
        using var b = new QuantumConv1d(5, 2, g2);
        for (int i = 0; i < 25; i++)
        {
            Assert.True(Same(a.Bank.Kernels[i].Weights, b.Bank.Kernels[i].Weights));
            Assert.True(a.Bank.Kernels[i].Weights.ge(0).all().item<bool>());
            Assert.True(a.Bank.Kernels[i].Weights.lt(2 * Math.PI).all().item<bool>());
        }
        Assert.False(Same(a.Bank.Kernels[0].Weights, a.Bank.Kernels[1].Weights));
    }

    [Fact]
    public void State_dict_names_follow_the_reference_checkpoint()
    {
        using var g = Seeds.Generator();
        using var conv = new QuantumConv1d(2, 1, g);
        Assert.Equal(["kernels.0.m_para", "kernels.1.m_para", "kernels.2.m_para", "kernels.3.m_para"], conv.state_dict().Keys);
        using var embedding = new QuantumEmbedding(19, 1, false, g);
        Assert.Equal(["embedding.m_para"], embedding.state_dict().Keys);
        using var fc = new QuantumFullyConnected(5, 2, g);
        Assert.Equal(["linear.m_para"], fc.state_dict().Keys);
    }
}
