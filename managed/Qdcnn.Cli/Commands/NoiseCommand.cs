using System.CommandLine;
using System.Globalization;
using Qdcnn.Quantum;
using Qdcnn.Training;
using Qdcnn.Training.Noise;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn noise</c>: evaluates a trained quantum checkpoint under depolarizing noise × shot budgets × seeds and
/// writes the accuracy table (noise.md), noise.json and noise.png into <c>--out</c> (all or nothing).
/// </summary>
internal static class NoiseCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var checkpoint = new Option<string?>("--checkpoint", "-c") { Description = "Checkpoint folder written by 'qdcnn train' (a quantum model)." };
        var data = new Option<string?>("--data") { Description = "A labelled file (every row is scored) or a dataset folder (its test split)." };
        var depolarizing = new Option<string?>("--depolarizing")
        {
            Description = "Comma-separated depolarizing probabilities p in [0, 1]: 1-qubit depolarizing(p) after every 1-qubit gate, 2-qubit depolarizing(p) after every 2-qubit gate. Default 0,0.001,0.01,0.05.",
        };
        var shots = new Option<string?>("--shots") { Description = "Comma-separated shot budgets per output (0 = exact expectations). Default 0,1024,8192." };
        var seeds = new Option<string?>("--seeds") { Description = "A count N (seeds 1..N) or a list such as 1,2,3 for trajectories and shots. Default 1." };
        var method = new Option<string?>("--method") { Description = "auto (default: density matrix up to 12 qubits, else trajectories), density-matrix or trajectories." };
        var trajectories = new Option<int?>("--trajectories") { Description = "Trajectories per sample for the trajectory method (default 100).", CustomParser = OptionParsing.WholeNumber };
        var readout = new Option<double?>("--readout") { Description = "Symmetric readout error probability on every qubit (default 0).", CustomParser = OptionParsing.Number };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (must not exist or be empty). Default runs/noise-<time>." };

        var command = new Command("noise", "Accuracy of a trained quantum model under depolarizing noise and finite shots (table, JSON, PNG).");
        foreach (var option in new Option[] { checkpoint, data, depolarizing, shots, seeds, method, trajectories, readout, output }) command.Add(option);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            string checkpointPath = result.GetValue(checkpoint) ?? throw new UsageException("--checkpoint <folder> is required.");
            string dataPath = result.GetValue(data) ?? throw new UsageException("--data <file|folder> is required.");
            var options = new NoiseStudyOptions
            {
                Depolarizing = result.GetValue(depolarizing) is { } d ? NoiseArguments.Probabilities(d, "--depolarizing") : [0, 0.001, 0.01, 0.05],
                Shots = result.GetValue(shots) is { } s ? NoiseArguments.Shots(s) : [0, 1024, 8192],
                Seeds = OptionParsing.Seeds(result.GetValue(seeds)).Select(v => unchecked((ulong)v)).ToList(),
                Method = NoiseArguments.Method(result.GetValue(method)),
                Trajectories = result.GetValue(trajectories) ?? 100,
                Readout = result.GetValue(readout) ?? 0,
            };
            if (options.Trajectories < 1) throw new UsageException($"--trajectories: {options.Trajectories} is less than 1.");
            if (!(options.Readout >= 0 && options.Readout <= 1)) throw new UsageException($"--readout: {options.Readout.ToString(CultureInfo.InvariantCulture)} is not a probability in [0, 1].");
            string outFolder = OutputFiles.OutFolder(result.GetValue(output), "noise");

            var sentences = DataSource.LoadEvaluationSet(dataPath);
            using var trained = Checkpoint.Load(checkpointPath);
            using var set = trained.Encode(sentences);
            var inv = CultureInfo.InvariantCulture;
            var study = NoiseStudy.Run(trained, set, options, cell => context.Output.WriteLine(string.Create(inv,
                $"p = {cell.Depolarizing:G}, shots = {(cell.Shots == 0 ? "exact" : cell.Shots.ToString(inv))}: ") + (cell.Accuracy is { } accuracy
                    ? string.Create(inv, $"accuracy {accuracy.ToPercentString()} ({cell.Accuracies.Count} run(s), {cell.Seconds:F1} s)")
                    : "n/a (" + cell.Unsupported + ")")));
            NoiseStudyReport.Write(study, outFolder, Path.GetFullPath(checkpointPath), dataPath);
            context.Output.WriteLine();
            context.Output.Write(NoiseStudyReport.Table(study));
            context.Output.WriteLine($"saved: {outFolder} ({NoiseStudyReport.TableFile}, {NoiseStudyReport.JsonFile}, {NoiseStudyReport.PlotFile})");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary>Parses the list options of <c>qdcnn noise</c>.</summary>
internal static class NoiseArguments
{
    /// <summary>Comma-separated probabilities, each in [0, 1], no repeats.</summary>
    public static IReadOnlyList<double> Probabilities(string text, string option)
    {
        var values = Split(text, option).Select(part =>
            double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double p)
                ? p >= 0 && p <= 1 ? p : throw new UsageException($"{option}: {part} is not a probability in [0, 1].")
                : throw new UsageException($"{option}: '{part}' is not a number.")).ToList();
        if (values.Distinct().Count() != values.Count) throw new UsageException($"{option}: '{text}' repeats a value.");
        return values;
    }

    /// <summary>Comma-separated shot budgets ≥ 0, no repeats.</summary>
    public static IReadOnlyList<long> Shots(string text)
    {
        var values = Split(text, "--shots").Select(part =>
            long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s)
                ? s >= 0 ? s : throw new UsageException($"--shots: {part} is negative (0 = exact expectations).")
                : throw new UsageException($"--shots: '{part}' is not an integer.")).ToList();
        if (values.Distinct().Count() != values.Count) throw new UsageException($"--shots: '{text}' repeats a value.");
        return values;
    }

    /// <summary>auto (null), density-matrix or trajectories.</summary>
    public static NoiseMethod? Method(string? text) => text?.ToLowerInvariant() switch
    {
        null or "auto" => null,
        "density-matrix" or "dm" => NoiseMethod.DensityMatrix,
        "trajectories" => NoiseMethod.Trajectories,
        _ => throw new UsageException($"--method: '{text}' is not auto, density-matrix or trajectories."),
    };

    private static string[] Split(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new UsageException($"{option}: no value given.");
        return parts;
    }
}
