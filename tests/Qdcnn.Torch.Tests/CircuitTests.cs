using Qdcnn.Torch.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests;

/// <summary>The layers' circuits against values worked out by hand from the spec.</summary>
public class CircuitTests
{
    [Fact]
    public void Conv_kernel_with_zero_angles_gives_the_cnot_ladder_correlators()
    {
        // H then RY(x) on |0⟩ gives ⟨Z⟩ = −sin x per qubit; CNOT(0→1), CNOT(1→2) turn Z1 into Z0Z1 and Z2 into
        // Z0Z1Z2, so with θ = 0 the output is z0 + z0·z1 + z0·z1·z2.
        using var g = Seeds.Generator();
        using var layer = new QuantumDepthwiseConv1d(1, 1, g);
        using (no_grad()) layer.Bank.Kernels[0].Weights.zero_();
        double[] x = [0.3, -1.1, 2.0, 0.7];
        using var input = tensor(x, [1, 1, 4]);
        using var output = layer.forward(input);
        for (int f = 0; f < 2; f++)
        {
            double z0 = -Math.Sin(x[f]), z1 = -Math.Sin(x[f + 1]), z2 = -Math.Sin(x[f + 2]);
            Assert.Equal(z0 + z0 * z1 + z0 * z1 * z2, output[0, 0, f].item<double>(), 12);
        }
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(7, 3)]
    public void Embedding_with_zero_angles_permutes_basis_states_as_the_cnot_ladder_says(int qubits, int layers)
    {
        int vocab = (1 << qubits) - 3;
        using var g = Seeds.Generator();
        using var layer = new QuantumEmbedding(vocab, layers, hadamard: false, g);
        using (no_grad()) layer.Weights.zero_();
        using var ids = arange(vocab, ScalarType.Int64).view(1, vocab);
        using var embedded = layer.EmbedTokens(ids);
        for (int id = 0; id < vocab; id++)
        {
            int bits = id; // qubit k = bit k
            for (int l = 0; l < layers; l++)
                for (int k = 0; k < qubits; k++)
                    if (((bits >> k) & 1) == 1) bits ^= 1 << ((k + l + 1) % qubits);
            for (int k = 0; k < qubits; k++)
                Assert.Equal(((bits >> k) & 1) == 1 ? -1.0 : 1.0, embedded[0, id, k].item<double>(), 12);
        }
    }

    [Fact]
    public void Fully_connected_with_zero_angles_matches_the_product_state_propagation()
    {
        // n = 3, C = 2, φ = 0: RY(e_k) gives ⟨Z_k⟩ = cos e_k. The ladder is idx 0..3 with c = idx mod 3:
        // CNOT(0→2), CNOT(1→0), CNOT(2→1), CNOT(0→2). In the Heisenberg picture, going backwards:
        // Z0 → (CNOT 0→2) Z0 → (2→1) Z0 → (1→0) Z1Z0 → (0→2) Z1Z0; Z1 → Z1 → Z2Z1 → Z2Z1 → (0→2) Z0Z2Z1.
        using var g = Seeds.Generator();
        using var layer = new QuantumFullyConnected(3, 2, g);
        using (no_grad()) layer.Weights.zero_();
        double[] e = [0.4, -1.3, 2.2];
        using var input = tensor(e, [1, 3]);
        using var logits = layer.forward(input);
        double c0 = Math.Cos(e[0]), c1 = Math.Cos(e[1]), c2 = Math.Cos(e[2]);
        Assert.Equal(c0 * c1, logits[0, 0].item<double>(), 12);
        Assert.Equal(c0 * c1 * c2, logits[0, 1].item<double>(), 12);
    }

    [Fact]
    public void Standard_convolution_sums_its_kernels_over_input_channels()
    {
        using var g = Seeds.Generator(9);
        using var standard = new QuantumConv1d(2, 2, g);
        using var x = Seeds.Uniform([3, 2, 6], -1, 1, g);
        using var output = standard.forward(x);
        Assert.Equal(new long[] { 3, 2, 4 }, output.shape);
        // Rebuild each kernel as a shared depthwise kernel and sum by hand: out[c_out] = Σ_c_in K_{c_in + 2 c_out}(x[c_in]).
        using var single = new QuantumDepthwiseConv1d(1, 2, g);
        for (int cOut = 0; cOut < 2; cOut++)
        {
            using var expected = zeros(3, 4, dtype: ScalarType.Float64);
            for (int cIn = 0; cIn < 2; cIn++)
            {
                using (no_grad()) single.Bank.Kernels[0].Weights.copy_(standard.Bank.Kernels[cIn + 2 * cOut].Weights);
                using var channel = x.narrow(1, cIn, 1);
                using var convolved = single.forward(channel);
                expected.add_(convolved.squeeze(1));
            }
            using var actual = output.select(1, cOut);
            Assert.True(actual.allclose(expected, rtol: 0, atol: 1e-12), $"c_out {cOut} differs");
        }
    }
}
