using Qdcnn.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests.Optimizers;

/// <summary><see cref="FusedAdam"/> against torch.optim.Adam, step by step, on identical parameters and losses.</summary>
public class FusedAdamTests
{
    public static TheoryData<ScalarType, double, double, double, double, double> Settings => new()
    {
        // dtype, lr, beta1, beta2, eps, tolerance
        { ScalarType.Float64, 0.05, 0.9, 0.999, 1e-8, 1e-12 },   // the trainer's defaults (spec)
        { ScalarType.Float64, 0.01, 0.8, 0.99, 1e-3, 1e-12 },    // eps large enough to matter
        { ScalarType.Float64, 0.2, 0.0, 0.5, 1e-8, 1e-12 },
        { ScalarType.Float32, 0.05, 0.9, 0.999, 1e-8, 1e-5 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Fused_adam_follows_torch_adam_step_by_step(ScalarType dtype, double lr, double beta1, double beta2, double eps,
        double tolerance)
    {
        using var generator = new Generator(17, CPU);
        var shapes = new long[][] { [5], [3, 4], [1], [7] };
        var initial = shapes.Select(s => randn(s, ScalarType.Float64, generator: generator).to_type(dtype)).ToArray();
        var reference = initial.Select(t => new Parameter(t.clone())).ToArray();
        var fused = initial.Select(t => new Parameter(t.clone())).ToArray();
        using var torchAdam = optim.Adam(reference, lr, beta1, beta2, eps);
        var fusedAdam = new FusedAdam(fused, lr, beta1, beta2, eps);

        for (int step = 0; step < 8; step++)
        {
            // A different loss every step; parameter 2 sits out the even steps (zeroed, not absent, gradient), and
            // parameter 3 joins only from step 3 (no gradient before: not stepped, its step count starts later).
            var weights = shapes.Select(s => rand(s, ScalarType.Float64, generator: generator).to_type(dtype)).ToArray();
            bool[] used = [true, true, step % 2 == 1, step >= 3];
            torchAdam.zero_grad();
            Backward(reference, weights, used);
            torchAdam.step();
            fusedAdam.ZeroGrad();
            Backward(fused, weights, used);
            fusedAdam.Step();

            for (int i = 0; i < shapes.Length; i++)
            {
                double difference = (reference[i].to_type(ScalarType.Float64) - fused[i].to_type(ScalarType.Float64)).abs().max().ToDouble();
                Assert.True(difference <= tolerance, $"step {step + 1}, parameter {i}: max |fused − torch| = {difference:E3}");
            }
            foreach (var w in weights) w.Dispose();
        }
        // The parameters really moved (the comparison above is not between two frozen sets).
        for (int i = 0; i < shapes.Length; i++)
            Assert.True((fused[i] - initial[i]).abs().max().ToDouble() > 1e-3, $"parameter {i} did not move");
    }

    [Fact]
    public void Zero_grad_clears_gradients_in_place_and_leaves_missing_ones_missing()
    {
        var a = new Parameter(ones(3, ScalarType.Float64));
        var b = new Parameter(ones(2, ScalarType.Float64));
        var adam = new FusedAdam([a, b], 0.1);
        using (var loss = (a * a).sum()) loss.backward();
        adam.ZeroGrad();
        Assert.Equal(0.0, a.grad!.abs().sum().ToDouble());
        Assert.Null(b.grad);
        adam.Step(); // zero gradient: Adam still steps a, with m = v = 0, so a stays put
        Assert.True(a.eq(1.0).all().item<bool>());
    }

    [Fact]
    public void Bad_settings_and_parameters_are_refused()
    {
        var p = new Parameter(ones(2, ScalarType.Float64));
        Assert.Throws<ArgumentException>(() => new FusedAdam([p], lr: -1));
        Assert.Throws<ArgumentException>(() => new FusedAdam([p], lr: 0.1, beta1: 1));
        Assert.Throws<ArgumentException>(() => new FusedAdam([p], lr: 0.1, beta2: -0.1));
        Assert.Throws<ArgumentException>(() => new FusedAdam([p], lr: 0.1, eps: double.NaN));
        var ints = new Parameter(ones(2, ScalarType.Float16), requires_grad: true);
        Assert.Throws<ArgumentException>(() => new FusedAdam([ints], lr: 0.1));
    }

    /// <summary>loss = Σ_i [used_i] Σ w_i ⊙ sin(p_i) ⊙ p_i, backward.</summary>
    private static void Backward(Parameter[] parameters, Tensor[] weights, bool[] used)
    {
        using var scope = NewDisposeScope();
        Tensor? loss = null;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (!used[i]) continue;
            var term = (weights[i] * parameters[i].sin() * parameters[i]).sum();
            loss = loss is null ? term : loss + term;
        }
        loss!.backward();
    }
}
