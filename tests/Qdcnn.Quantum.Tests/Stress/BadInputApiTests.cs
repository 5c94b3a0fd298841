using Qdcnn.Interop;
using Xunit.Abstractions;

namespace Qdcnn.Quantum.Tests.Stress;

/// <summary>
/// Bad input through the managed API gives a clear exception of a documented type whose message names the
/// argument at fault and the native status; the README's bad-input table quotes the messages these tests print.
/// </summary>
public sealed class BadInputApiTests(ITestOutputHelper output)
{
    private T Rejected<T>(Action action, params string[] excerpts) where T : Exception
    {
        var ex = Assert.Throws<T>(action);
        output.WriteLine($"{ex.GetType().Name}: {ex.Message}");
        foreach (var excerpt in excerpts) Assert.Contains(excerpt, ex.Message);
        return ex;
    }

    [Fact]
    public void QasmParseErrorNamesTheLine() =>
        Rejected<QdcnnParseException>(() => Circuit.FromQasm("OPENQASM 2.0;\nqreg q[2];\nh q[0]\ncx q[0] q[1];\n").Dispose(), "line");

    [Fact]
    public void QasmQubitOutOfTheRegisterIsAParseError() =>
        Rejected<QdcnnParseException>(() => Circuit.FromQasm("OPENQASM 2.0;\nqreg q[2];\nh q[5];\n").Dispose(), "line 3");

    [Fact]
    public void QubitOutOfRangeNamesTheQubit()
    {
        using var circuit = new Circuit(3);
        Rejected<ArgumentOutOfRangeException>(() => circuit.H(3), "QDCNN_ERROR_OUT_OF_RANGE");
    }

    [Fact]
    public void DuplicateQubitsAreRejected()
    {
        using var circuit = new Circuit(3);
        Rejected<ArgumentException>(() => circuit.Cnot(1, 1), "QDCNN_ERROR_DUPLICATE_QUBITS");
    }

    [Fact]
    public void NaNAngleIsRejected()
    {
        using var circuit = new Circuit(1);
        Rejected<ArgumentException>(() => circuit.RX(0, double.NaN), "QDCNN_ERROR_NOT_FINITE");
    }

    [Fact]
    public void NaNParameterValueIsRejectedAtRunTime()
    {
        using var circuit = new Circuit(1).RY(0, Angle.Parameter(0));
        using var simulator = new Simulator();
        Rejected<ArgumentException>(() => simulator.Run(circuit, [double.NaN]).Dispose(), "QDCNN_ERROR_NOT_FINITE");
    }

    [Fact]
    public void TooManyQubitsIsRejected() =>
        Rejected<ArgumentOutOfRangeException>(() => new Circuit(NativeMethods.MaxQubits + 1).Dispose(), "QDCNN_ERROR_TOO_MANY_QUBITS");

    [Fact]
    public void StateTooLargeForComplex128IsRejected() =>
        Rejected<ArgumentOutOfRangeException>(() => new StateVector(NativeMethods.MaxQubits).Dispose(), "QDCNN_ERROR_TOO_MANY_QUBITS");

    [Fact]
    public void ZeroAmplitudeVectorIsRejected()
    {
        using var circuit = new Circuit(2).InitialAmplitudesFromInputs(0, 4);
        using var simulator = new Simulator();
        Rejected<ArgumentException>(() => simulator.Run(circuit, inputs: [0.0, 0.0, 0.0, 0.0]).Dispose(), "QDCNN_ERROR_ZERO_NORM");
    }

    [Fact]
    public void WrongOutputBufferLengthIsRejected()
    {
        using var circuit = new Circuit(2).RY(0, Angle.Input(0));
        using var observable = Observable.ZOnEachQubit(2);
        using var simulator = new Simulator();
        var outputs = new double[3]; // batch 2 × 2 outputs = 4 needed
        Rejected<ArgumentException>(() => simulator.Forward(circuit, observable, ReadOnlySpan<double>.Empty, [0.1, 0.2], 2, outputs),
            "QDCNN_ERROR_BUFFER_LENGTH");
    }

    [Fact]
    public void WrongInputBufferLengthIsRejected()
    {
        using var circuit = new Circuit(2).RY(0, Angle.Input(0)).RY(1, Angle.Input(1));
        using var observable = Observable.ZOnEachQubit(2);
        using var simulator = new Simulator();
        Rejected<ArgumentException>(() => simulator.Forward(circuit, observable, Array.Empty<double>(), new double[3], 2),
            "QDCNN_ERROR_BUFFER_LENGTH");
    }

    [Fact]
    public void InvalidNoiseProbabilityIsRejected()
    {
        using var noise = new NoiseModel();
        Rejected<ArgumentException>(() => noise.AfterEveryGate(NoiseChannel.Depolarizing, 1.5));
        Rejected<ArgumentException>(() => noise.AfterEveryGate(NoiseChannel.BitFlip, double.NaN));
        Rejected<ArgumentException>(() => noise.ReadoutError(0, -0.1, 0.0));
    }

    [Fact]
    public void UsingADisposedSimulatorIsObjectDisposed()
    {
        using var circuit = new Circuit(1).H(0);
        var simulator = new Simulator();
        simulator.Dispose();
        Rejected<ObjectDisposedException>(() => simulator.Run(circuit).Dispose());
    }
}
