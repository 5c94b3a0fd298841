namespace Qdcnn.Quantum.Tests.Noise;

/// <summary>
/// Noisy forward passes through the managed API: analytic channels, zero noise equal to the
/// noiseless forward, density matrix against trajectories, shots converging as 1/√shots.
/// </summary>
public sealed class NoisySimulationTests
{
    [Theory]
    [InlineData(NoiseMethod.DensityMatrix, 1e-12)]
    [InlineData(NoiseMethod.Trajectories, 0.08)] // 5 standard errors of a ±1 value at 4 000 trajectories
    public void DepolarizingOnZeroGivesOneMinusFourThirdsP(NoiseMethod method, double tolerance)
    {
        const double p = 0.3;
        using var circuit = new Circuit(1).I(0);
        using var observable = Observable.Z(1, 0);
        using var noise = new NoiseModel().AfterGate(GateKind.I, NoiseChannel.Depolarizing, p);
        using var simulator = new Simulator();
        var values = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise, method, trajectories: 4000, seed: 11);
        Assert.Equal(1 - 4 * p / 3, values[0], tolerance);
    }

    [Fact]
    public void AmplitudeDampingAndReadoutError()
    {
        // X, then damping gamma: P(1) = 1 - gamma; readout p(0|1) = 0.1 and p(1|0) = 0.05 then give
        // <Z> = (1 - p01 - p10)(1 - 2(1 - gamma)) + (p01 - p10).
        const double gamma = 0.2, p10 = 0.05, p01 = 0.1;
        using var circuit = new Circuit(2).X(0).H(1);
        using var observable = Observable.Z(2, 0);
        using var noise = new NoiseModel().AfterGate(GateKind.X, NoiseChannel.AmplitudeDamping, gamma).ReadoutError(0, p10, p01);
        using var simulator = new Simulator();
        var values = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise);
        Assert.Equal((1 - p01 - p10) * (1 - 2 * (1 - gamma)) + (p01 - p10), values[0], 1e-12);
    }

    [Fact]
    public void ZeroNoiseReproducesTheNoiselessForward()
    {
        using var circuit = LayeredCircuit(4);
        using var observable = Observable.ZOnEachQubit(4).AddOutput((0.5, PauliString.Parse("X0 Y2")));
        using var zero = new NoiseModel().AfterEveryGate(NoiseChannel.Depolarizing, 0).AfterTwoQubitGates(NoiseChannel.Depolarizing2, 0);
        using var simulator = new Simulator();
        var (parameters, inputs) = Arguments(circuit, batch: 3);
        var exact = simulator.Forward(circuit, observable, parameters, inputs, 3);
        foreach (var method in Enum.GetValues<NoiseMethod>())
        {
            var noisy = simulator.ForwardNoisy(circuit, observable, parameters, inputs, 3, zero, method, trajectories: 3);
            Assert.Equal(exact.Length, noisy.Length);
            for (var i = 0; i < exact.Length; i++)
            {
                Assert.Equal(exact[i], noisy[i], 1e-12);
            }
        }
    }

    [Fact]
    public void DensityMatrixAndTrajectoriesAgree()
    {
        const int trajectories = 3000;
        using var circuit = LayeredCircuit(4);
        using var observable = Observable.ZOnEachQubit(4).AddOutput((1.0, PauliString.Parse("Z0 Z3")));
        using var noise = new NoiseModel()
            .AfterOneQubitGates(NoiseChannel.Depolarizing, 0.03)
            .AfterTwoQubitGates(NoiseChannel.Depolarizing2, 0.05)
            .AfterGate(GateKind.RY, NoiseChannel.AmplitudeDamping, 0.05)
            .OnQubit(2, NoiseChannel.PhaseFlip, 0.05)
            .DefaultReadoutError(0.02, 0.04);
        using var simulator = new Simulator { Threads = 2 };
        var (parameters, inputs) = Arguments(circuit, batch: 2);
        var exact = simulator.Forward(circuit, observable, parameters, inputs, 2);
        var density = simulator.ForwardNoisy(circuit, observable, parameters, inputs, 2, noise, NoiseMethod.DensityMatrix);
        var sampled = simulator.ForwardNoisy(circuit, observable, parameters, inputs, 2, noise, NoiseMethod.Trajectories, trajectories, seed: 2024);
        var largestEffect = 0.0;
        for (var i = 0; i < density.Length; i++)
        {
            // 4 standard errors of a ±1-bounded trajectory value.
            Assert.InRange(sampled[i] - density[i], -4 / Math.Sqrt(trajectories), 4 / Math.Sqrt(trajectories));
            largestEffect = Math.Max(largestEffect, Math.Abs(density[i] - exact[i]));
        }

        Assert.True(largestEffect > 0.05, $"noise changed the outputs by only {largestEffect}");
    }

    [Fact]
    public void ShotErrorHalvesAtFourTimesTheShots()
    {
        using var circuit = new Circuit(2).RY(0, Angle.Constant(0.9)).Cnot(0, 1).RY(1, Angle.Constant(-0.5));
        using var observable = Observable.Z(2, 0, 1).AddOutput((1.0, PauliString.Parse("Z0 Z1")));
        using var noise = new NoiseModel().AfterEveryGate(NoiseChannel.Depolarizing, 0.02).DefaultReadoutError(0.01, 0.03);
        using var simulator = new Simulator();
        var exact = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise);
        double RmsError(long shots)
        {
            var sum = 0.0;
            var count = 0;
            for (ulong seed = 1; seed <= 60; seed++)
            {
                var estimate = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise, shots: shots, seed: seed * 31);
                for (var i = 0; i < estimate.Length; i++, count++)
                {
                    sum += (estimate[i] - exact[i]) * (estimate[i] - exact[i]);
                }
            }

            return Math.Sqrt(sum / count);
        }

        var e1 = RmsError(256);
        var e4 = RmsError(1024);
        Assert.InRange(e1 / e4, 1.5, 2.7);
    }

    [Fact]
    public void ShotsAreReproduciblePerSeed()
    {
        using var circuit = new Circuit(2).H(0).Cnot(0, 1);
        using var observable = Observable.Z(2, 0, 1);
        using var noise = new NoiseModel().AfterTwoQubitGates(NoiseChannel.Depolarizing2, 0.1);
        using var simulator = new Simulator();
        var a = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise, NoiseMethod.Trajectories, 8, shots: 100, seed: 5);
        var b = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise, NoiseMethod.Trajectories, 8, shots: 100, seed: 5);
        var c = simulator.ForwardNoisy(circuit, observable, [], [], 1, noise, NoiseMethod.Trajectories, 8, shots: 100, seed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void BadCallsAreClearErrors()
    {
        using var simulator = new Simulator();
        using var big = new Circuit(13).H(12);
        using var bigObservable = Observable.Z(13, 12);
        Assert.Contains("at most 12", Assert.Throws<ArgumentOutOfRangeException>(
            () => simulator.ForwardNoisy(big, bigObservable, [], [], 1, null, NoiseMethod.DensityMatrix)).Message);
        Assert.Contains("trajectories = 0", Assert.Throws<ArgumentOutOfRangeException>(
            () => simulator.ForwardNoisy(big, bigObservable, [], [], 1, null, NoiseMethod.Trajectories, trajectories: 0)).Message);

        using var circuit = new Circuit(2).H(0);
        using var xObservable = new Observable(2).AddOutput((1.0, PauliString.Parse("X0")));
        // X outputs are measured in their own basis: H|0> gives <X0> = 1 exactly, so every shot reads +1,
        // and symmetric readout error p maps it to (1 - 2p) <X0>.
        Assert.Equal(1.0, simulator.ForwardNoisy(circuit, xObservable, [], [], 1, null, shots: 10)[0], 12);
        using var readout = new NoiseModel().ReadoutError(0, 0.1, 0.1);
        Assert.Equal(0.8, simulator.ForwardNoisy(circuit, xObservable, [], [], 1, readout)[0], 12);
        using var farQubit = new NoiseModel().OnQubit(7, NoiseChannel.BitFlip, 0.1);
        using var z0 = Observable.Z(2, 0);
        Assert.Contains("names qubit 7", Assert.Throws<ArgumentOutOfRangeException>(
            () => simulator.ForwardNoisy(circuit, z0, [], [], 1, farQubit)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.ForwardNoisy(circuit, xObservable, [], [], 1, null, shots: -1));
    }

    // RY on every qubit from inputs and parameters, a CNOT ladder, and RX from parameters.
    private static Circuit LayeredCircuit(int qubits)
    {
        var circuit = new Circuit(qubits);
        for (var q = 0; q < qubits; q++)
        {
            circuit.RY(q, Angle.Input(q)).RY(q, Angle.Parameter(q));
        }

        for (var q = 0; q + 1 < qubits; q++)
        {
            circuit.Cnot(q, q + 1);
        }

        for (var q = 0; q < qubits; q++)
        {
            circuit.RX(q, Angle.Parameter(qubits + q));
        }

        return circuit;
    }

    private static (double[] Parameters, double[] Inputs) Arguments(Circuit circuit, int batch)
    {
        var random = new Random(7);
        var parameters = Enumerable.Range(0, circuit.NumParameters).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var inputs = Enumerable.Range(0, batch * circuit.NumInputs).Select(_ => random.NextDouble() * 3).ToArray();
        return (parameters, inputs);
    }
}
