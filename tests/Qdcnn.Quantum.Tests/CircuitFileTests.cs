using Qdcnn.Interop;

namespace Qdcnn.Quantum.Tests;

/// <summary>OpenQASM export and import, qsim-format import, parse errors.</summary>
public sealed class CircuitFileTests
{
    [Fact]
    public void QasmRoundTripGivesTheSameState()
    {
        using var original = KnownCircuitTests.RandomLayeredCircuit(5, seed: 9)
            .RY(0, Angle.Parameter(0, 2.0, 0.1)).RX(3, Angle.Input(0, -1.0));
        double[] parameters = [0.37];
        double[] inputs = [1.25];
        var qasm = original.ToQasm(parameters, inputs);
        Assert.Contains("OPENQASM 2.0;", qasm);
        Assert.Contains("qreg q[5];", qasm);

        using var parsed = Circuit.FromQasm(qasm);
        Assert.Equal(original.NumQubits, parsed.NumQubits);
        Assert.Equal(0, parsed.NumParameters);
        using var simulator = new Simulator();
        using var expected = simulator.Run(original, parameters, inputs);
        using var actual = simulator.Run(parsed);
        var e = expected.GetAmplitudes();
        var a = actual.GetAmplitudes();
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True((e[i] - a[i]).Magnitude < 1e-9, $"amplitude {i}: {e[i]} vs {a[i]}");
        }

        // Gates qelib1 lacks (ryy, ...) are exported as decompositions, so the text changes once and
        // is stable from then on.
        var reexported = parsed.ToQasm();
        using var reparsed = Circuit.FromQasm(reexported);
        Assert.Equal(reexported, reparsed.ToQasm());
    }

    [Fact]
    public void QasmWithPiExpressionsParses()
    {
        using var circuit = Circuit.FromQasm("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nrz(pi/2) q[1];\nmeasure q -> c;\n");
        Assert.Equal(2, circuit.NumQubits);
        Assert.Equal(3, circuit.GateCount);
    }

    [Fact]
    public void MalformedQasmNamesTheLine()
    {
        var e = Assert.Throws<QdcnnParseException>(() => Circuit.FromQasm("OPENQASM 2.0;\nqreg q[2];\nh q[7;\n"));
        Assert.Contains("3", e.NativeMessage);
        Assert.Equal(QdcnnStatus.ErrorParse, e.Status);
    }

    [Fact]
    public void QsimFormatParses()
    {
        using var circuit = Circuit.FromQsim("2\n0 h 0\n1 cz 0 1\n2 rx 1 0.5\n");
        Assert.Equal(2, circuit.NumQubits);
        Assert.Equal(3, circuit.GateCount);
        Assert.Throws<QdcnnParseException>(() => Circuit.FromQsim("2\n0 nosuchgate 0\n"));
    }
}
