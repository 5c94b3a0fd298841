using System.Numerics;

namespace Qdcnn.Quantum.Tests;

/// <summary>Known circuits against analytic amplitudes, probabilities and expectations.</summary>
public sealed class KnownCircuitTests
{
    private const double Tolerance = 1e-12;
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    [Fact]
    public void QubitKIsBitKOfTheBasisIndex()
    {
        using var circuit = new Circuit(3).X(1);
        using var simulator = new Simulator();
        using var state = simulator.Run(circuit);
        var probabilities = state.Probabilities();
        Assert.Equal(1.0, probabilities[0b010], Tolerance);
        Assert.Equal(1.0, probabilities.Sum(), Tolerance);
    }

    [Fact]
    public void BellState()
    {
        using var circuit = new Circuit(2).H(0).Cnot(0, 1);
        using var simulator = new Simulator();
        using var state = simulator.Run(circuit);
        var amplitudes = state.GetAmplitudes();
        AssertComplex(new Complex(InvSqrt2, 0), amplitudes[0]);
        AssertComplex(Complex.Zero, amplitudes[1]);
        AssertComplex(Complex.Zero, amplitudes[2]);
        AssertComplex(new Complex(InvSqrt2, 0), amplitudes[3]);

        using var observable = Observable.Z(2, 0, 1).AddOutput((1.0, PauliString.Parse("Z0 Z1"))).AddOutput((1.0, PauliString.Parse("X0 X1")));
        var values = state.Expectation(observable);
        Assert.Equal([0.0, 0.0, 1.0, 1.0], values.Select(v => Math.Round(v, 12)));
        Assert.Equal(1.0, state.NormSquared(), Tolerance);
    }

    [Fact]
    public void GhzState()
    {
        using var circuit = new Circuit(4).H(0).Cnot(0, 1).Cnot(1, 2).Cnot(2, 3);
        using var simulator = new Simulator();
        using var state = simulator.Run(circuit);
        var probabilities = state.Probabilities();
        Assert.Equal(0.5, probabilities[0], Tolerance);
        Assert.Equal(0.5, probabilities[15], Tolerance);
        Assert.Equal(1.0, probabilities[0] + probabilities[15], Tolerance);

        var samples = state.Sample(2000, seed: 42);
        Assert.All(samples, s => Assert.True(s is 0 or 15, $"sample {s}"));
        Assert.InRange(samples.Count(s => s == 0), 850, 1150);
        Assert.Equal(samples, state.Sample(2000, seed: 42));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.9)]
    [InlineData(-2.5)]
    public void SingleQubitRotations(double theta)
    {
        using var simulator = new Simulator();
        using var xyz = new Observable(1)
            .AddOutput((1.0, PauliString.Parse("X0")))
            .AddOutput((1.0, PauliString.Parse("Y0")))
            .AddOutput((1.0, PauliString.Parse("Z0")));

        // RX(θ)|0>: <X>=0, <Y>=-sin θ, <Z>=cos θ
        AssertExpectations(simulator, new Circuit(1).RX(0, theta), xyz, [0, -Math.Sin(theta), Math.Cos(theta)]);
        // RY(θ)|0>: <X>=sin θ, <Y>=0, <Z>=cos θ
        AssertExpectations(simulator, new Circuit(1).RY(0, theta), xyz, [Math.Sin(theta), 0, Math.Cos(theta)]);
        // RZ(θ)|+>: <X>=cos θ, <Y>=sin θ, <Z>=0
        AssertExpectations(simulator, new Circuit(1).H(0).RZ(0, theta), xyz, [Math.Cos(theta), Math.Sin(theta), 0]);
        // Phase(θ)|+> rotates like RZ up to a global phase
        AssertExpectations(simulator, new Circuit(1).H(0).Phase(0, theta), xyz, [Math.Cos(theta), Math.Sin(theta), 0]);
        // U3(θ, φ, λ)|0> = cos(θ/2)|0> + e^{iφ} sin(θ/2)|1>
        AssertExpectations(simulator, new Circuit(1).U3(0, theta, 0.7, -0.4), xyz,
            [Math.Sin(theta) * Math.Cos(0.7), Math.Sin(theta) * Math.Sin(0.7), Math.Cos(theta)]);
    }

    [Fact]
    public void PauliStringsAndWeightedSums()
    {
        const double a = 0.8, b = -1.3;
        using var circuit = new Circuit(2).RY(0, a).RY(1, b);
        using var observable = new Observable(2)
            .AddOutput((1.0, PauliString.Parse("X0 Z1")))
            .AddOutput((0.5, PauliString.Z(0)), (2.0, PauliString.Parse("X1")))
            .AddOutput((3.0, PauliString.Identity))
            .AddOutput((1.0, new PauliString((Pauli.Z, 1), (Pauli.X, 0))));
        using var simulator = new Simulator();
        AssertExpectations(simulator, circuit, observable,
            [Math.Sin(a) * Math.Cos(b), 0.5 * Math.Cos(a) + 2.0 * Math.Sin(b), 3.0, Math.Sin(a) * Math.Cos(b)]);
    }

    [Fact]
    public void TwoQubitGatesAndUnitary()
    {
        using var simulator = new Simulator();
        using var z = Observable.ZOnEachQubit(2);
        AssertExpectations(simulator, new Circuit(2).X(0).Swap(0, 1), z, [1, -1]);
        AssertExpectations(simulator, new Circuit(2).X(0).CRY(0, 1, 0.9), z, [-1, Math.Cos(0.9)]);
        AssertExpectations(simulator, new Circuit(2).CRY(0, 1, 0.9), z, [1, 1]);
        // RZZ and RXX on |00>: RXX(θ) gives <Z0> = <Z1> = cos θ
        AssertExpectations(simulator, new Circuit(2).RXX(0, 1, 0.6), z, [Math.Cos(0.6), Math.Cos(0.6)]);

        var hadamard = new Complex[,] { { InvSqrt2, InvSqrt2 }, { InvSqrt2, -InvSqrt2 } };
        using var viaUnitary = new Circuit(2).Unitary(hadamard, 0).Cnot(0, 1);
        using var viaGates = new Circuit(2).H(0).Cnot(0, 1);
        using var s1 = simulator.Run(viaUnitary);
        using var s2 = simulator.Run(viaGates);
        AssertAmplitudes(s2.GetAmplitudes(), s1.GetAmplitudes(), 1e-12);

        Assert.Throws<ArgumentException>(() => new Circuit(2).Unitary(new Complex[,] { { 1, 1 }, { 0, 1 } }, 0));
    }

    [Fact]
    public void InitialStates()
    {
        using var simulator = new Simulator();
        using var basis = new Circuit(3).InitialBasis(5);
        using var s1 = simulator.Run(basis);
        Assert.Equal(1.0, s1.Probabilities()[5], Tolerance);

        using var encoded = new Circuit(2).InitialAmplitudesFromInputs(0, 3);
        using var s2 = simulator.Run(encoded, inputs: [1.0, 2.0, 2.0]);
        AssertClose([1 / 9.0, 4 / 9.0, 4 / 9.0, 0], s2.Probabilities());
        Assert.Throws<ArgumentException>(() => simulator.Run(encoded, inputs: [0.0, 0.0, 0.0]).Dispose());

        using var state = new StateVector(2);
        state.SetRealAmplitudes([3.0, 0.0, 4.0]);
        AssertClose([9 / 25.0, 0, 16 / 25.0, 0], state.Probabilities());
        state.SetAmplitudes([Complex.Zero, new Complex(0, 1), Complex.Zero, Complex.Zero]);
        AssertComplex(new Complex(0, 1), state.GetAmplitudes()[1]);
        state.SetBasis(3);
        Assert.Equal(1.0, state.Probabilities()[3], Tolerance);
    }

    [Fact]
    public void CircuitCountsAndDeclare()
    {
        using var circuit = new Circuit(3).RY(0, Angle.Parameter(2)).RX(1, Angle.Input(4, 0.5, 0.1)).Cnot(0, 2);
        Assert.Equal(3, circuit.NumQubits);
        Assert.Equal(3, circuit.NumParameters);
        Assert.Equal(5, circuit.NumInputs);
        Assert.Equal(3, circuit.GateCount);
        circuit.Declare(7, 6);
        Assert.Equal(7, circuit.NumParameters);
        Assert.Equal(6, circuit.NumInputs);
    }

    [Fact]
    public void KernelsAgreeAndFusionDoesNotChangeResults()
    {
        Assert.Contains(Kernel.Scalar, SimulatorKernels.Available);
        Assert.Contains(SimulatorKernels.Default, SimulatorKernels.Available);
        Assert.True(SimulatorKernels.IsAvailable(Kernel.Auto));

        using var circuit = RandomLayeredCircuit(5, seed: 3);
        Complex[]? reference = null;
        foreach (var kernel in SimulatorKernels.Available)
        {
            foreach (var fusion in new[] { 0, 2, 4 })
            {
                using var simulator = new Simulator { Kernel = kernel, Fusion = fusion, Threads = 1 };
                Assert.Equal(kernel, simulator.Kernel);
                Assert.Equal(fusion, simulator.Fusion);
                using var state = simulator.Run(circuit);
                var amplitudes = state.GetAmplitudes();
                reference ??= amplitudes;
                AssertAmplitudes(reference, amplitudes, 1e-10);
            }
        }
    }

    [Fact]
    public void Complex64StatesWork()
    {
        using var circuit = new Circuit(2).H(0).Cnot(0, 1);
        using var simulator = new Simulator(Precision.Complex64);
        using var state = simulator.Run(circuit);
        Assert.Equal(Precision.Complex64, state.Precision);
        Assert.Equal(0.5, state.Probabilities()[3], 1e-6);
    }

    internal static Circuit RandomLayeredCircuit(int qubits, int seed)
    {
        var random = new Random(seed);
        var circuit = new Circuit(qubits);
        for (var layer = 0; layer < 3; layer++)
        {
            for (var q = 0; q < qubits; q++)
            {
                circuit.RX(q, random.NextDouble() * 6).RY(q, random.NextDouble() * 6).RZ(q, random.NextDouble() * 6);
            }

            for (var q = layer % 2; q + 1 < qubits; q += 2)
            {
                circuit.CZ(q, q + 1);
            }
        }

        return circuit.H(0).S(1).T(2).SX(3).Sdg(4).Tdg(0).Y(1).Z(2).CRZ(0, 3, 0.4).CPhase(1, 4, 0.9).RYY(2, 3, 0.3).RZZ(0, 4, 1.1).CRX(4, 2, 0.2);
    }

    private static void AssertExpectations(Simulator simulator, Circuit circuit, Observable observable, double[] expected)
    {
        using (circuit)
        {
            using var state = simulator.Run(circuit);
            var actual = state.Expectation(observable);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-10, $"output {i}: expected {expected[i]}, got {actual[i]}");
            }
        }
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-12, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    private static void AssertComplex(Complex expected, Complex actual)
    {
        Assert.True(Complex.Abs(expected - actual) < 1e-12, $"expected {expected}, got {actual}");
    }

    private static void AssertAmplitudes(Complex[] expected, Complex[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Complex.Abs(expected[i] - actual[i]) < tolerance, $"amplitude {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
