using System.Numerics;
using Qdcnn.Models;
using Qdcnn.Quantum;
using Qdcnn.Torch;
using Qdcnn.Training.Circuits;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests.Circuits;

public class CircuitInspectionTests
{
    private static ModelCircuit KnownCircuit(out QuantumTemplate template, out Tensor parameters)
    {
        var circuit = new Circuit(3)
            .H(0).H(1).Cnot(0, 1)
            .CRY(1, 2, 0.25)
            .RY(2, Angle.Parameter(0))
            .Swap(0, 2)
            .RZ(1, Angle.Input(0, scale: 2.0));
        template = new QuantumTemplate(circuit, Observable.ZOnEachQubit(3));
        parameters = tensor(new[] { 0.3 }, ScalarType.Float64);
        return new ModelCircuit("known", "", new QuantumCircuitView("known", template, parameters));
    }

    [Fact]
    public void MetricsOfAHandCountedCircuit()
    {
        var circuit = KnownCircuit(out var template, out var parameters);
        using var _ = template;
        using var __ = parameters;
        var bound = ModelCircuits.Bind(circuit, [0.1]);
        // H0 H1 | CNOT(0,1) | CRY(1,2) | RY2 and RZ1 | SWAP(0,2): depth 5 (RZ1 sits in layer 4 beside RY2).
        Assert.Equal(new CircuitMetrics(Qubits: 3, Depth: 5, OneQubitGates: 4, TwoQubitGates: 3, Cnots: 1, ControlledRotations: 1, Parameters: 1), bound.Metrics);
        Assert.Equal(7, bound.Gates.Count);
        Assert.Equal(["h", "h", "cx", "cry", "ry", "swap", "rz"], bound.Gates.Select(g => g.Name));
        Assert.Null(bound.Gates[3].Labels[0]);       // constant
        Assert.Equal("w0", bound.Gates[4].Labels[0]); // parameter 0
        Assert.Equal("x0", bound.Gates[6].Labels[0]); // input 0
        Assert.Equal(0.3, bound.Gates[4].Angles[0], 15);
        Assert.Equal(0.2, bound.Gates[6].Angles[0], 15);
    }

    [Fact]
    public void DiagramDrawsOneColumnPerGate()
    {
        var gates = new[]
        {
            new CircuitGate("h", [0], [], []),
            new CircuitGate("cx", [0, 2], [], []),
            new CircuitGate("ry", [1], [0.5], ["w0"]),
        };
        string diagram = CircuitDiagram.Render(3, gates);
        Assert.Equal(
            "q0: --H--@----------\n" +
            "q1: -----|--RY(w0)--\n" +
            "q2: -----X----------\n",
            diagram.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void LongCircuitsWrapIntoBlocks()
    {
        var gates = Enumerable.Range(0, 40).Select(i => new CircuitGate("ry", [i % 2], [i], [null])).ToArray();
        string diagram = CircuitDiagram.Render(2, gates, maxWidth: 60);
        Assert.All(diagram.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.Length <= 60 + 6, line));
        Assert.Contains("...", diagram);
    }

    public static TheoryData<string> QuantumModels() => new(ModelCatalog.Entries.Where(e => e.IsQuantum).Select(e => e.Name));

    [Theory]
    [MemberData(nameof(QuantumModels))]
    public void ExportedQasmReimportsToTheSameStateForEveryCircuit(string name)
    {
        using var model = ModelFactory.Create(name, ModelConfig.Mc with { VocabSize = 19, SeqLen = 6, Seed = 3 });
        var circuits = ModelCircuits.Find(model).Where(c => c.View.Listed).ToList();
        Assert.NotEmpty(circuits);
        var random = new Random(5);
        using var simulator = new Simulator();
        foreach (var circuit in circuits)
        {
            var template = circuit.View.Template;
            double[] inputs;
            ulong basis = 0;
            if (circuit.View.AmplitudeInputs is { } a)
            {
                // A one-hot input is the basis state it names: the export from |basis> must equal the amplitude-encoded run.
                basis = (ulong)random.Next(Math.Min(a.Length, 1 << template.NumQubits));
                inputs = new double[template.NumInputs];
                inputs[a.Offset + (int)basis] = 1;
            }
            else
            {
                inputs = Enumerable.Range(0, template.NumInputs).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            }
            var bound = ModelCircuits.Bind(circuit, inputs, basis);
            using var original = simulator.Run(template.Circuit, bound.Parameters, bound.Inputs);
            using var reimported = Circuit.FromQasm(bound.Qasm);
            using var state = simulator.Run(reimported);
            Complex[] expected = original.GetAmplitudes(), actual = state.GetAmplitudes();
            Assert.Equal(expected.Length, actual.Length);
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Complex.Abs(expected[k] - actual[k]) < 1e-10, $"{name} {circuit.Name}: amplitude {k} {expected[k]} vs {actual[k]}");
        }
    }

    [Fact]
    public void ExecutionsPerSentenceAreCountedFromTheForwardPass()
    {
        var config = ModelConfig.Mc with { VocabSize = 19, SeqLen = 6 };   // 5 qubits, one conv layer: 6 − 2 = 4 positions
        using var qdconv = ModelFactory.Create("msff-qdconv", config);
        var report = CircuitReport.Build(qdconv);
        long Runs(CircuitReport r, string prefix) => r.Rows.Single(row => row.Name.StartsWith(prefix, StringComparison.Ordinal)).ExecutionsPerSentence;
        Assert.Equal(6, Runs(report, "we_mapping"));   // one per distinct token
        Assert.Equal(1, Runs(report, "se_mapping"));
        Assert.Equal(5 * 4, Runs(report, "conv1d"));   // channels × positions, one shared kernel
        Assert.Equal(1, Runs(report, "fc"));
        Assert.Equal(1, report.Rows.Single(r => r.Name.StartsWith("conv1d", StringComparison.Ordinal)).Instances);

        using var qconv = ModelFactory.Create("msff-qconv", config);
        var standard = CircuitReport.Build(qconv);
        var conv = standard.Rows.Single(r => r.Name.StartsWith("conv1d", StringComparison.Ordinal));
        Assert.Equal(25, conv.Instances);               // n² kernels
        Assert.Equal("conv1d.kernels.[0-24]", conv.Name);
        Assert.Equal(25 * 4, conv.ExecutionsPerSentence); // n² kernels × positions, run through the kernel bank
        Assert.Equal(2 * 25 * 4, conv.ExecutionsPerSentence * conv.Metrics.Cnots);
        Assert.Contains("| conv1d.kernels.[0-24] | 25 | 3 |", standard.ToTable());
    }

    [Fact]
    public void ClassicalModelsHaveNoCircuits()
    {
        using var model = ModelFactory.Create("msff-dconv", ModelConfig.Mc with { VocabSize = 19, SeqLen = 6 });
        Assert.Empty(ModelCircuits.Find(model));
        var e = Assert.Throws<ArgumentException>(() => CircuitReport.Build(model));
        Assert.Contains("classical", e.Message);
    }
}
