using System.Globalization;
using System.Text;
using Qdcnn.Models;
using Qdcnn.Torch;
using static TorchSharp.torch;

namespace Qdcnn.Training.Circuits;

/// <summary>One row of <see cref="CircuitReport"/>: circuits of one layer that share a template (e.g. the n² kernels of a conv layer).</summary>
/// <param name="Name">The circuit's name, or <c>layer.kernels.[0-8]</c> for several bound instances.</param>
/// <param name="Instances">Bound instances (kernels) sharing the structure.</param>
/// <param name="Metrics">Metrics of one instance.</param>
/// <param name="ExecutionsPerSentence">Circuit evaluations per sentence (measured; see <see cref="CircuitReport.Measure"/>).</param>
public sealed record CircuitReportRow(string Name, int Instances, CircuitMetrics Metrics, long ExecutionsPerSentence);

/// <summary>
/// The hardware cost of a model: per circuit its size, and per sentence the circuit executions and the gates they
/// run (executions × gates of one execution). Executions are measured, not derived: one sentence of
/// <see cref="ModelConfig.SeqLen"/> distinct tokens (the word embedding evaluates each distinct token once, so this
/// is the most a sentence costs) runs through the model while every circuit call is counted.
/// </summary>
public sealed record CircuitReport(string Model, IReadOnlyList<CircuitReportRow> Rows, IReadOnlyList<BoundCircuit> Circuits)
{
    /// <summary>Circuit executions per sentence.</summary>
    public long ExecutionsPerSentence => Rows.Sum(r => r.ExecutionsPerSentence);

    /// <summary>Gates run per sentence (all executions).</summary>
    public long GatesPerSentence => Rows.Sum(r => r.ExecutionsPerSentence * r.Metrics.Gates);

    /// <summary>Two-qubit gates run per sentence.</summary>
    public long TwoQubitGatesPerSentence => Rows.Sum(r => r.ExecutionsPerSentence * r.Metrics.TwoQubitGates);

    /// <summary>CNOTs run per sentence.</summary>
    public long CnotsPerSentence => Rows.Sum(r => r.ExecutionsPerSentence * r.Metrics.Cnots);

    /// <summary>Controlled rotations run per sentence.</summary>
    public long ControlledRotationsPerSentence => Rows.Sum(r => r.ExecutionsPerSentence * r.Metrics.ControlledRotations);

    /// <summary>Trainable circuit angles over all bound instances.</summary>
    public long QuantumParameters => Rows.Sum(r => (long)r.Instances * r.Metrics.Parameters);

    /// <summary>Builds the report of <paramref name="model"/> (which must have quantum circuits).</summary>
    /// <exception cref="ArgumentException">The model has no quantum circuits.</exception>
    public static CircuitReport Build(TextClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var circuits = ModelCircuits.Find(model);
        if (!circuits.Any(c => c.View.Listed))
            throw new ArgumentException($"Model '{model.Name}' has no quantum circuits (it is classical).", nameof(model));
        var executions = Measure(model);
        var bound = circuits.Where(c => c.View.Listed).Select(c => ModelCircuits.Bind(c)).ToList();
        var rows = new List<CircuitReportRow>();
        foreach (var group in bound.GroupBy(b => (b.Circuit.Provider, Template: b.Circuit.View.Template)))
        {
            var members = group.ToList();
            long runs = executions.GetValueOrDefault(group.Key.Template);
            // Templates a layer runs without listing them (kernel banks) execute this layer's circuits.
            if (ReferenceEquals(members[0], bound.First(b => b.Circuit.Provider == group.Key.Provider)))
                runs += circuits.Where(c => !c.View.Listed && c.Provider == group.Key.Provider)
                    .Sum(c => executions.GetValueOrDefault(c.View.Template));
            rows.Add(new CircuitReportRow(GroupName(members), members.Count, members[0].Metrics, runs));
        }
        // Templates that ran but that no layer lists: still counted, bound with zero parameters and inputs.
        var known = circuits.Select(c => c.View.Template).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var (template, runs) in executions.Where(e => !known.Contains(e.Key)))
        {
            string name = $"(unlisted {template.NumQubits}-qubit circuit)";
            var unlisted = ModelCircuits.Bind(new ModelCircuit(name, "", new QuantumCircuitView(name, template,
                template.NumParameters == 0 ? null : zeros(template.NumParameters, ScalarType.Float64))));
            rows.Add(new CircuitReportRow(name, 1, unlisted.Metrics, runs));
        }
        return new CircuitReport(model.Name, rows, bound);
    }

    /// <summary>Circuit evaluations per template for one sentence of distinct tokens (see the type's remarks).</summary>
    public static IReadOnlyDictionary<QuantumTemplate, long> Measure(TextClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var config = model.Config;
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var disposeScope = NewDisposeScope();
            long first = Math.Min(2, config.VocabSize - 1);
            var ids = Enumerable.Range(0, config.SeqLen).Select(i => Math.Min(first + i, config.VocabSize - 1)).ToArray();
            using var batch = new TextBatch(tensor(ids, ScalarType.Int64).view(1, config.SeqLen),
                full(1, config.VocabSize, 1.0 / Math.Sqrt(config.VocabSize), ScalarType.Float64));
            using var scope = QuantumExecutionContext.Use(new QuantumExecutionOptions());
            model.forward(batch);
            return scope.SamplesByTemplate;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>The metrics table as Markdown (also readable as plain text).</summary>
    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine($"Circuits of {Model}:");
        text.AppendLine();
        text.AppendLine("| circuit | instances | qubits | depth | 1q gates | 2q gates | CNOT | ctrl-rot | params | executions/sentence |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows)
        {
            var m = r.Metrics;
            text.AppendLine(string.Create(inv,
                $"| {r.Name} | {r.Instances} | {m.Qubits} | {m.Depth} | {m.OneQubitGates} | {m.TwoQubitGates} | {m.Cnots} | {m.ControlledRotations} | {m.Parameters} | {r.ExecutionsPerSentence} |"));
        }
        text.AppendLine();
        text.AppendLine(string.Create(inv,
            $"Per sentence: {ExecutionsPerSentence} circuit executions, {GatesPerSentence} gates ({TwoQubitGatesPerSentence} two-qubit: {CnotsPerSentence} CNOT, {ControlledRotationsPerSentence} controlled rotations); {QuantumParameters} trainable circuit angles."));
        return text.ToString();
    }

    private static string GroupName(List<BoundCircuit> members)
    {
        if (members.Count == 1) return members[0].Circuit.Name;
        string firstName = members[0].Circuit.Name;
        int dot = firstName.LastIndexOf('.');
        return dot < 0 ? $"{firstName} (+{members.Count - 1})" : $"{firstName[..dot]}.[0-{members.Count - 1}]";
    }
}
