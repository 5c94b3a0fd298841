namespace Qdcnn.Quantum.Tests.Noise;

/// <summary>Building noise models; invalid probabilities and placements are clear errors.</summary>
public sealed class NoiseModelTests
{
    [Fact]
    public void BuilderAddsRulesInOrder()
    {
        using var noise = new NoiseModel()
            .AfterEveryGate(NoiseChannel.Depolarizing, 0.001)
            .AfterTwoQubitGates(NoiseChannel.Depolarizing2, 0.01)
            .AfterGate(GateKind.RY, NoiseChannel.AmplitudeDamping, 0.02)
            .OnQubit(1, NoiseChannel.PhaseDamping, 0.03)
            .AfterOneQubitGates(NoiseChannel.BitFlip, 0.0)
            .ReadoutError(0, 0.01, 0.02)
            .DefaultReadoutError(0.03, 0.04);
        Assert.Equal(5, noise.RuleCount);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.0000001)]
    [InlineData(4.0 / 3.0)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidProbabilitiesNameTheArgument(double probability)
    {
        using var noise = new NoiseModel();
        foreach (var channel in Enum.GetValues<NoiseChannel>())
        {
            var error = Assert.Throws<ArgumentException>(() => noise.AfterTwoQubitGates(channel, probability));
            Assert.Contains("probability = ", error.Message);
            Assert.Contains("is not a probability in [0, 1]", error.Message);
            Assert.Contains("QDCNN_ERROR_INVALID_ARGUMENT", error.Message);
        }

        Assert.Contains("p1_given_0", Assert.Throws<ArgumentException>(() => noise.ReadoutError(0, probability, 0.1)).Message);
        Assert.Contains("p0_given_1", Assert.Throws<ArgumentException>(() => noise.DefaultReadoutError(0.1, probability)).Message);
        Assert.Equal(0, noise.RuleCount);
    }

    [Fact]
    public void TwoQubitDepolarizingOnlyAfterTwoQubitGates()
    {
        using var noise = new NoiseModel();
        Assert.Contains("one-qubit gate h", Assert.Throws<ArgumentException>(() => noise.AfterGate(GateKind.H, NoiseChannel.Depolarizing2, 0.1)).Message);
        Assert.Throws<ArgumentException>(() => noise.AfterEveryGate(NoiseChannel.Depolarizing2, 0.1));
        Assert.Throws<ArgumentException>(() => noise.OnQubit(0, NoiseChannel.Depolarizing2, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => noise.OnQubit(-1, NoiseChannel.BitFlip, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => noise.AfterGatesOnQubitCount(3, NoiseChannel.BitFlip, 0.1));
        noise.AfterGate(GateKind.Cnot, NoiseChannel.Depolarizing2, 0.1);
        Assert.Equal(1, noise.RuleCount);
    }

    [Fact]
    public void DisposedModelCannotBeUsed()
    {
        var noise = new NoiseModel();
        noise.Dispose();
        Assert.Throws<ObjectDisposedException>(() => noise.AfterEveryGate(NoiseChannel.BitFlip, 0.1));
    }
}
