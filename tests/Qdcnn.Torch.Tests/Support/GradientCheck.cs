using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests.Support;

/// <summary>Compares autograd gradients with central finite differences (float64).</summary>
internal static class GradientCheck
{
    /// <summary>
    /// Asserts that d loss / d leaf from autograd equals the central difference (step <paramref name="step"/>) for
    /// every element of every leaf, within <paramref name="tolerance"/> (absolute). <paramref name="loss"/> must
    /// recompute the scalar loss from the leaves' current values.
    /// </summary>
    public static void Assert(Func<Tensor> loss, Tensor[] leaves, double tolerance = 1e-6, double step = 1e-5)
    {
        foreach (var leaf in leaves)
        {
            Xunit.Assert.Equal(ScalarType.Float64, leaf.dtype);
            Xunit.Assert.True(leaf.requires_grad, "every leaf must require grad");
            leaf.grad?.zero_();
        }
        using (var value = loss()) value.backward();

        for (int l = 0; l < leaves.Length; l++)
        {
            var leaf = leaves[l];
            Xunit.Assert.NotNull(leaf.grad);
            double[] analytic = leaf.grad!.contiguous().view(-1).data<double>().ToArray();
            using var _ = no_grad();
            using var flat = leaf.detach().view(-1); // shares the leaf's storage
            var values = flat.data<double>();
            for (long i = 0; i < leaf.numel(); i++)
            {
                double original = values[i];
                values[i] = original + step;
                double plus = Scalar(loss);
                values[i] = original - step;
                double minus = Scalar(loss);
                values[i] = original;
                double numeric = (plus - minus) / (2 * step);
                Xunit.Assert.True(Math.Abs(numeric - analytic[i]) <= tolerance,
                    $"leaf {l} element {i}: autograd {analytic[i]:R}, finite difference {numeric:R}");
            }
        }
    }

    private static double Scalar(Func<Tensor> loss)
    {
        using var value = loss();
        return value.item<double>();
    }

    /// <summary>sum(output · weights) with fixed weights, so every output element contributes differently.</summary>
    public static Tensor WeightedSum(Tensor output, Tensor weights) => (output * weights).sum();
}
