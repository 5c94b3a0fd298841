namespace Qdcnn.Quantum.Tests;

/// <summary>Batched forward against single runs; adjoint backward against central finite differences.</summary>
public sealed class BatchAndGradientTests
{
    private const int Qubits = 3;
    private const int Batch = 4;

    /// <summary>Inputs encode by RY/RX; parameters drive a trainable layer with entanglers.</summary>
    private static Circuit Model() =>
        new Circuit(Qubits)
            .RY(0, Angle.Input(0)).RY(1, Angle.Input(1, 0.5)).RX(2, Angle.Input(2, 1.0, 0.3))
            .Cnot(0, 1).Cnot(1, 2)
            .RY(0, Angle.Parameter(0)).RZ(1, Angle.Parameter(1, 2.0)).RX(2, Angle.Parameter(2))
            .CRY(2, 0, Angle.Parameter(3)).RZZ(0, 2, Angle.Parameter(4, 1.0, 0.1))
            .RY(1, Angle.Parameter(0, -1.0));

    private static Observable Outputs() =>
        Observable.Z(Qubits, 0, 1, 2).AddOutput((0.7, PauliString.Parse("X0 Y1")), (0.2, PauliString.Parse("Z2")));

    private static readonly double[] Parameters = [0.3, -0.8, 1.2, 0.5, -0.4];

    private static double[] Inputs()
    {
        var random = new Random(7);
        return Enumerable.Range(0, Batch * Qubits).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    [Fact]
    public void BatchedForwardEqualsOneRunPerSample()
    {
        using var circuit = Model();
        using var observable = Outputs();
        using var simulator = new Simulator();
        var inputs = Inputs();
        var batched = simulator.Forward(circuit, observable, Parameters, inputs, Batch);
        Assert.Equal(Batch * observable.OutputCount, batched.Length);

        for (var sample = 0; sample < Batch; sample++)
        {
            using var state = simulator.Run(circuit, Parameters, inputs.AsSpan(sample * Qubits, Qubits));
            var single = state.Expectation(observable);
            for (var output = 0; output < single.Length; output++)
            {
                Assert.Equal(single[output], batched[sample * single.Length + output], 12);
            }
        }
    }

    [Fact]
    public void ForwardWritesIntoCallerSpans()
    {
        using var circuit = Model();
        using var observable = Outputs();
        using var simulator = new Simulator();
        var inputs = Inputs();
        var buffer = new double[Batch * observable.OutputCount + 2];
        buffer[^1] = 42;
        simulator.Forward(circuit, observable, Parameters, inputs, Batch, buffer.AsSpan(1, Batch * observable.OutputCount));
        Assert.Equal(simulator.Forward(circuit, observable, Parameters, inputs, Batch), buffer[1..^1]);
        Assert.Equal(42, buffer[^1]);

        Assert.Throws<ArgumentException>(() =>
            simulator.Forward(circuit, observable, Parameters, inputs, Batch, new double[3]));
    }

    [Fact]
    public void BackwardMatchesCentralFiniteDifferences()
    {
        using var circuit = Model();
        using var observable = Outputs();
        using var simulator = new Simulator();
        var inputs = Inputs();
        var outputs = Batch * observable.OutputCount;
        var random = new Random(11);
        var gradOutputs = Enumerable.Range(0, outputs).Select(_ => random.NextDouble() - 0.5).ToArray();

        var gradients = simulator.Backward(circuit, observable, Parameters, inputs, Batch, gradOutputs);
        Assert.Equal(Parameters.Length, gradients.Parameters.Length);
        Assert.Equal(inputs.Length, gradients.Inputs.Length);

        double Loss(double[] p, double[] x) =>
            simulator.Forward(circuit, observable, p, x, Batch).Zip(gradOutputs, (y, g) => y * g).Sum();

        const double h = 1e-5;
        for (var i = 0; i < Parameters.Length; i++)
        {
            var plus = (double[])Parameters.Clone();
            var minus = (double[])Parameters.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (Loss(plus, inputs) - Loss(minus, inputs)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradients.Parameters[i]) < 1e-7, $"param {i}: fd {numeric}, adjoint {gradients.Parameters[i]}");
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            var plus = (double[])inputs.Clone();
            var minus = (double[])inputs.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (Loss(Parameters, plus) - Loss(Parameters, minus)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradients.Inputs[i]) < 1e-7, $"input {i}: fd {numeric}, adjoint {gradients.Inputs[i]}");
        }
    }

    [Fact]
    public void BackwardMayOmitEitherGradient()
    {
        using var circuit = Model();
        using var observable = Outputs();
        using var simulator = new Simulator();
        var inputs = Inputs();
        var gradOutputs = Enumerable.Repeat(1.0, Batch * observable.OutputCount).ToArray();
        var full = simulator.Backward(circuit, observable, Parameters, inputs, Batch, gradOutputs);
        var onlyParameters = new double[Parameters.Length];
        simulator.Backward(circuit, observable, Parameters, inputs, Batch, gradOutputs, Span<double>.Empty, onlyParameters);
        Assert.Equal(full.Parameters, onlyParameters);
    }

    [Fact]
    public void Float32OverloadsAgreeWithFloat64()
    {
        using var circuit = Model();
        using var observable = Outputs();
        using var simulator = new Simulator();
        var inputs = Inputs();
        var gradOutputs = Enumerable.Range(0, Batch * observable.OutputCount).Select(i => 0.1 * (i % 5) - 0.2).ToArray();

        var expected = simulator.Forward(circuit, observable, Parameters, inputs, Batch);
        var actual = simulator.Forward(circuit, observable, ToFloat(Parameters), ToFloat(inputs), Batch);
        AssertClose(expected, actual, 1e-5);

        var expectedGradients = simulator.Backward(circuit, observable, Parameters, inputs, Batch, gradOutputs);
        var actualGradients = simulator.Backward(circuit, observable, ToFloat(Parameters), ToFloat(inputs), Batch, ToFloat(gradOutputs));
        AssertClose(expectedGradients.Parameters, actualGradients.Parameters, 1e-5);
        AssertClose(expectedGradients.Inputs, actualGradients.Inputs, 1e-5);

        using var single = new Simulator(Precision.Complex64);
        AssertClose(expected, single.Forward(circuit, observable, ToFloat(Parameters), ToFloat(inputs), Batch), 1e-5);
    }

    [Fact]
    public void WrongBufferLengthsAreArgumentExceptionsNamingTheBuffer()
    {
        using var circuit = Model();
        using var observable = Outputs();
        using var simulator = new Simulator();
        var e = Assert.Throws<ArgumentException>(() => simulator.Forward(circuit, observable, [0.1], Inputs(), Batch));
        Assert.Contains("QDCNN_ERROR_BUFFER_LENGTH", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Forward(circuit, observable, Parameters, Inputs(), -1));
    }

    private static float[] ToFloat(double[] values) => values.Select(v => (float)v).ToArray();

    private static void AssertClose(double[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
