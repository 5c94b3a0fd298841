using Qdcnn.Models;
using Qdcnn.Quantum;
using Qdcnn.Torch;
using Qdcnn.Training.Noise;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests.Noise;

public class NoisyExecutionTests
{
    [Theory]
    [InlineData("msff-qdconv", NoiseMethod.DensityMatrix)]
    [InlineData("msff-qconv", NoiseMethod.DensityMatrix)]
    [InlineData("msff-qdconv", NoiseMethod.Trajectories)]
    public void ZeroNoiseReproducesTheExactModelOutputs(string model, NoiseMethod method)
    {
        var (trained, test) = NoiseTestModels.Build(model);
        using var _ = trained;
        using var __ = test;
        double[] exact = NoiseTestModels.Logits(trained.Model, test);
        using var noise = new NoiseStudyOptions().ModelFor(0);
        double[] noisy;
        using (var scope = QuantumExecutionContext.Use(new QuantumExecutionOptions { Noise = noise, Method = method, Trajectories = 3, Seed = 7 }))
        {
            noisy = NoiseTestModels.Logits(trained.Model, test);
            Assert.True(scope.Calls > 0, "the forward pass did not go through the execution context");
        }
        Assert.Equal(exact.Length, noisy.Length);
        for (int i = 0; i < exact.Length; i++) Assert.True(Math.Abs(exact[i] - noisy[i]) <= 1e-12, $"logit {i}: {exact[i]} vs {noisy[i]}");
        Assert.Null(QuantumExecutionContext.Current);
    }

    [Theory]
    [InlineData("msff-qdconv", NoiseMethod.DensityMatrix)]
    [InlineData("qdcnn-full", NoiseMethod.Trajectories)] // its 2n-qubit fusion register makes the density matrix slow
    public void DepolarizingNoiseShrinksTheLogitsTowardsZero(string model, NoiseMethod method)
    {
        var (trained, test) = NoiseTestModels.Build(model);
        using var _ = trained;
        using var __ = test;
        double[] exact = NoiseTestModels.Logits(trained.Model, test);
        using var noise = new NoiseStudyOptions().ModelFor(0.05);
        double[] noisy;
        using (QuantumExecutionContext.Use(new QuantumExecutionOptions { Noise = noise, Method = method, Trajectories = 50, Seed = 2 }))
            noisy = NoiseTestModels.Logits(trained.Model, test);
        Assert.True(noisy.Average(Math.Abs) < exact.Average(Math.Abs), $"mean |logit| {noisy.Average(Math.Abs)} vs exact {exact.Average(Math.Abs)}");
        Assert.NotEqual(exact, noisy);
    }

    [Fact]
    public void ShotEstimatesConvergeToTheExpectationsAndAreReproducibleForAFixedSeed()
    {
        var (trained, test) = NoiseTestModels.Build("msff-qdconv");
        using var _ = trained;
        using var __ = test;
        using var noise = new NoiseStudyOptions().ModelFor(0.01);
        double[] Run(long shots, ulong seed)
        {
            using var scope = QuantumExecutionContext.Use(new QuantumExecutionOptions { Noise = noise, Shots = shots, Seed = seed });
            return NoiseTestModels.Logits(trained.Model, test);
        }
        double[] expectation = Run(0, 1);
        double Error(double[] estimate) => estimate.Zip(expectation, (a, b) => Math.Abs(a - b)).Average();
        double coarse = Error(Run(256, 3)), fine = Error(Run(65536, 3));
        // The error of a mean of n shots shrinks as 1/sqrt(n): 256 -> 65536 shots is 16x; demand at least 4x.
        Assert.True(fine < coarse / 4, $"error with 256 shots {coarse}, with 65536 shots {fine}");
        Assert.True(fine > 0);
        Assert.Equal(Run(1024, 5), Run(1024, 5));
        Assert.NotEqual(Run(1024, 5), Run(1024, 6));
    }

    [Fact]
    public void ANoisyForwardPassRefusesToRecordGradients()
    {
        var (trained, test) = NoiseTestModels.Build("msff-qdconv", testSize: 4);
        using var _ = trained;
        using var __ = test;
        using var scope = QuantumExecutionContext.Use(new QuantumExecutionOptions());
        using var batch = test.Slice(0, test.Count);
        var e = Assert.Throws<InvalidOperationException>(() => trained.Model.forward(batch));
        Assert.Contains("no_grad", e.Message);
    }

    [Fact]
    public void ScopesNestAndRestoreTheEnclosingOne()
    {
        Assert.Null(QuantumExecutionContext.Current);
        using (var outer = QuantumExecutionContext.Use(new QuantumExecutionOptions { Seed = 1 }))
        {
            using (var inner = QuantumExecutionContext.Use(new QuantumExecutionOptions { Seed = 2 }))
                Assert.Same(inner, QuantumExecutionContext.Current);
            Assert.Same(outer, QuantumExecutionContext.Current);
        }
        Assert.Null(QuantumExecutionContext.Current);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantumExecutionContext.Use(new QuantumExecutionOptions { Trajectories = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantumExecutionContext.Use(new QuantumExecutionOptions { Shots = -1 }));
    }

    [Fact]
    public void AutoMethodPicksTheDensityMatrixUpToTwelveQubits()
    {
        var auto = new QuantumExecutionOptions();
        Assert.Equal(NoiseMethod.DensityMatrix, auto.MethodFor(12));
        Assert.Equal(NoiseMethod.Trajectories, auto.MethodFor(13));
        Assert.Equal(NoiseMethod.Trajectories, (auto with { Method = NoiseMethod.Trajectories }).MethodFor(3));
    }
}
