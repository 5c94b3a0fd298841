using System.CommandLine;
using Qdcnn.Models;
using Qdcnn.Training;
using Qdcnn.Training.Circuits;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn circuit</c>: draws every circuit of a model as ASCII text (or exports it as OpenQASM 2.0 with its
/// angles bound) and prints the model's gate-count table. The model is a fresh seeded one (<c>--model</c> with the
/// <c>--preset</c>'s architecture and a vocabulary size) or a trained checkpoint.
/// </summary>
internal static class CircuitCommand
{
    /// <summary>Vocabulary sizes of MC and RP in the spec (UNK and PAD included), used when --vocab is not given.</summary>
    private static readonly Dictionary<string, int> PresetVocabulary = new() { ["mc"] = 19, ["rp"] = 98, ["embedded"] = 41 };

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var model = new Option<string?>("--model", "-m") { Description = "A quantum model of the catalog (see 'qdcnn models')." };
        var checkpoint = new Option<string?>("--checkpoint", "-c") { Description = "Inspect a trained checkpoint (its trained angles) instead of --model." };
        var preset = new Option<string?>("--preset") { Description = "mc (default) or rp: the architecture of --model." };
        var vocab = new Option<int?>("--vocab") { Description = "Vocabulary size for --model (default: the spec's vocabulary of the preset, 19 for mc, 98 for rp; 41 for embedded, the default corpus).", CustomParser = OptionParsing.WholeNumber };
        var layer = new Option<string?>("--layer") { Description = "Only circuits whose name starts with this (e.g. we_mapping, conv1d.kernels.0, fc)." };
        var format = new Option<string?>("--format") { Description = "text (default: ASCII diagrams) or qasm (OpenQASM 2.0, angles bound)." };
        var output = new Option<string?>("--out", "-o") { Description = "Also write every circuit (<name>.txt or <name>.qasm) and metrics.md into this new folder." };

        var command = new Command("circuit", "Draw or export every quantum circuit of a model and print its gate counts.");
        foreach (var option in new Option[] { model, checkpoint, preset, vocab, layer, format, output }) command.Add(option);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            string? modelName = result.GetValue(model), checkpointPath = result.GetValue(checkpoint);
            if ((modelName is null) == (checkpointPath is null)) throw new UsageException("give exactly one of --model <name> or --checkpoint <folder>.");
            string formatName = (result.GetValue(format) ?? "text").ToLowerInvariant();
            if (formatName is not ("text" or "qasm")) throw new UsageException($"--format: '{result.GetValue(format)}' is not text or qasm.");
            string? outFolder = result.GetValue(output) is { } o ? OutputFiles.OutFolder(o, "circuit") : null;

            using var classifier = checkpointPath is not null ? Checkpoint.Load(checkpointPath).Model : CreateModel(result.GetValue(preset), result.GetValue(vocab), modelName!);
            var registration = ModelFactory.Find(classifier.Name);
            if (!registration.IsQuantum) throw new UsageException($"model '{classifier.Name}' is classical: it has no quantum circuits.");
            var report = CircuitReport.Build(classifier);
            string? prefix = result.GetValue(layer);
            var selected = report.Circuits.Where(c => prefix is null || c.Circuit.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (selected.Count == 0)
                throw new UsageException($"--layer: no circuit of {classifier.Name} starts with '{prefix}'; circuits: {string.Join(", ", report.Circuits.Select(c => c.Circuit.Name))}.");

            var files = new List<(string Name, string Text)>();
            foreach (var circuit in selected)
            {
                string text = formatName == "qasm" ? QasmText(circuit) : DiagramText(circuit);
                files.Add((circuit.Circuit.Name + (formatName == "qasm" ? ".qasm" : ".txt"), text));
                context.Output.WriteLine(text);
            }
            string table = report.ToTable();
            context.Output.Write(table);
            if (outFolder is not null)
            {
                AtomicFile.WriteDirectory(outFolder, staging =>
                {
                    foreach (var (name, text) in files) File.WriteAllText(Path.Combine(staging, name), text);
                    File.WriteAllText(Path.Combine(staging, "metrics.md"), table);
                });
                context.Output.WriteLine($"saved: {outFolder}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static TextClassifier CreateModel(string? presetName, int? vocabulary, string modelName)
    {
        var preset = OptionParsing.Preset(presetName);
        string name = OptionParsing.Model(modelName);
        int vocab = vocabulary ?? PresetVocabulary[preset.Name];
        if (vocab < 2) throw new UsageException($"--vocab: {vocab} is less than 2.");
        if (!ModelFactory.Find(name).IsQuantum) throw new UsageException($"model '{name}' is classical: it has no quantum circuits.");
        return ModelFactory.Create(name, preset.Model with { VocabSize = vocab, SeqLen = preset.Pipeline.SeqLen });
    }

    private static string DiagramText(BoundCircuit circuit)
    {
        var template = circuit.Circuit.View.Template;
        var m = circuit.Metrics;
        var text = new System.Text.StringBuilder();
        text.AppendLine($"== {circuit.Circuit.Name}: {m.Qubits} qubits, depth {m.Depth}, {m.OneQubitGates} one-qubit + {m.TwoQubitGates} two-qubit gates, {m.Parameters} parameters, {template.NumInputs} inputs, {template.OutputCount} output(s)");
        if (circuit.Circuit.View.AmplitudeInputs is { } a)
            text.AppendLine($"   initial state: amplitude encoding of inputs x{a.Offset}..x{a.Offset + a.Length - 1} (drawn from |0...0>; a one-hot word id t starts in |t>)");
        text.Append(CircuitDiagram.Render(m.Qubits, circuit.Gates));
        if (circuit.Parameters.Length > 0)
            text.AppendLine("   " + string.Join("  ", circuit.Parameters.Select((v, i) => FormattableString.Invariant($"w{i}={v:0.####}"))));
        return text.ToString();
    }

    private static string QasmText(BoundCircuit circuit)
    {
        string header = $"// {circuit.Circuit.Name}: parameters bound to the model's angles, inputs bound to 0";
        if (circuit.Circuit.View.AmplitudeInputs is not null)
            header += "\n// initial state: an amplitude encoding in the model (not expressible in OpenQASM 2.0); exported from |0...0>";
        return header + "\n" + circuit.Qasm;
    }
}
