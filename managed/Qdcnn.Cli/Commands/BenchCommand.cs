using System.CommandLine;
using System.Globalization;
using Qdcnn.Quantum;
using Qdcnn.Training;
using Qdcnn.Training.Benchmarks;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn bench train|layer|circuit</c>: the managed benchmarks of issue 7. Each prints a table and writes a JSON
/// report (<c>--json</c>, default <c>bench-&lt;kind&gt;.json</c> in the current folder; <c>-</c> = standard output).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var bench = new Command("bench", "Benchmarks: training throughput, batched layer, random circuit.");
        bench.Add(Train(context, verbose));
        bench.Add(Layer(context, verbose));
        bench.Add(Circuit(context, verbose));
        return bench;
    }

    private static Command Train(CliContext context, Option<bool> verbose)
    {
        var preset = new Option<string>("--preset") { Description = "Hyper-parameters and data set: mc or rp.", DefaultValueFactory = _ => "mc" };
        var model = new Option<string>("--model", "-m") { Description = "Model: msff-qdconv, msff-qconv, …", DefaultValueFactory = _ => "msff-qdconv" };
        var data = new Option<string?>("--data") { Description = "Folder with train/dev/test files (default ../shared/datasets/<preset> beside the repository)." };
        var epochs = new Option<int>("--epochs") { Description = "Measured epochs per thread count.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured epochs first.", DefaultValueFactory = _ => 3 };
        var threads = new Option<string>("--threads") { Description = "libtorch thread counts, comma-separated.", DefaultValueFactory = _ => "1,2" };
        var dtype = new Option<string?>("--dtype") { Description = "float64 (default) or float32." };
        var json = JsonOption("train");
        var command = new Command("train", "Median ms per epoch (train + evaluate) after warm-up, with 1 and 2 threads; peak RSS.");
        foreach (var option in new Option[] { preset, model, data, epochs, warmup, threads, dtype, json }) command.Add(option);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            var trainingPreset = OptionParsing.Preset(result.GetValue(preset));
            string modelName = OptionParsing.Model(result.GetValue(model));
            string folder = result.GetValue(data) ?? DefaultDataFolder(trainingPreset.Name);
            if (!Directory.Exists(folder)) throw new UsageException($"--data: folder '{folder}' does not exist.");
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            var options = new TrainingBenchmarkOptions(folder, trainingPreset, modelName, result.GetValue(epochs), result.GetValue(warmup),
                Counts(result.GetValue(threads)!, "--threads"), OptionParsing.Dtype(result.GetValue(dtype)));
            var machine = MachineInfo.Current();
            var table = Console(context, jsonPath);
            table.WriteLine($"{"preset",-6} {"model",-12} {"threads",7} {"train",5} {"eval",5} {"params",6} {"median ms/epoch",15} {"min",8} {"max",8} {"CPU ms/epoch",12} {"peak RSS MiB",12}");
            var rows = TrainingBenchmark.Run(options, r => table.WriteLine(
                $"{r.Preset,-6} {r.Model,-12} {r.Threads,7} {r.TrainSentences,5} {r.EvaluationSentences,5} {r.Parameters,6} " +
                $"{F(r.MillisecondsPerEpoch.Median),15} {F(r.MillisecondsPerEpoch.Min),8} {F(r.MillisecondsPerEpoch.Max),8} {F(r.CpuMillisecondsPerEpoch.Median),12} {Mib(r.PeakResidentBytes),12}"));
            Finish(context, table, jsonPath, new BenchmarkReport<TrainingBenchmarkResult>("train", CommandLine(), machine, rows).ToJson());
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Layer(CliContext context, Option<bool> verbose)
    {
        var sweep = new Option<string?>("--sweep") { Description = "Sweep qubits or batch: --qubits / --batch then take a range (4..14) or a list (1,8,64); writes a PNG." };
        var qubits = new Option<string>("--qubits") { Description = "Qubits n (a range or list with --sweep qubits).", DefaultValueFactory = _ => "10" };
        var batch = new Option<string>("--batch") { Description = "Samples per call B (a range or list with --sweep batch).", DefaultValueFactory = _ => "1024" };
        var depth = new Option<int>("--depth") { Description = "RY/CNOT layers.", DefaultValueFactory = _ => 4 };
        var threads = new Option<string?>("--threads") { Description = "Native thread counts, comma-separated (default 1,2; 1 with --sweep)." };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed calls per figure.", DefaultValueFactory = _ => 10 };
        var plot = new Option<string?>("--plot") { Description = "PNG of a sweep (default bench-layer-vs-<qubits|batch>.png)." };
        var json = JsonOption("layer");
        var command = new Command("layer", "Batched layer (RY encoding, depth × (RY, CNOT chain), ⟨Z⟩ each qubit) from TorchSharp: forward, forward + backward.");
        foreach (var option in new Option[] { sweep, qubits, batch, depth, threads, repetitions, plot, json }) command.Add(option);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            var axis = SweepAxis(result.GetValue(sweep));
            var qubitCounts = SweepValues(result.GetValue(qubits)!, "--qubits", allowMany: axis == LayerSweepAxis.Qubits);
            var batchSizes = SweepValues(result.GetValue(batch)!, "--batch", allowMany: axis == LayerSweepAxis.Batch);
            var threadCounts = Counts(result.GetValue(threads) ?? (axis is null ? "1,2" : "1"), "--threads");
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            string? plotPath = axis is LayerSweepAxis a
                ? OutputFiles.CheckedFile(result.GetValue(plot) ?? $"bench-layer-vs-{a.ToString().ToLowerInvariant()}.png", "--plot")
                : result.GetValue(plot) is null ? null : throw new UsageException("--plot needs --sweep qubits or --sweep batch.");
            if (plotPath == "-") throw new UsageException("--plot: give a file name ('-' is not allowed for a PNG).");
            var machine = MachineInfo.Current();
            var table = Console(context, jsonPath);
            table.WriteLine($"{"qubits",6} {"batch",6} {"depth",5} {"threads",7} {"forward ms",11} {"(min)",8} {"fwd+bwd ms",11} {"(min)",8}");
            void Print(LayerBenchmarkResult r) => table.WriteLine(
                $"{r.Qubits,6} {r.Batch,6} {r.Depth,5} {r.Threads,7} {F(r.Forward.Median),11} {F(r.Forward.Min),8} {F(r.ForwardBackward.Median),11} {F(r.ForwardBackward.Min),8}");
            int layers = result.GetValue(depth);
            var rows = axis is LayerSweepAxis swept
                ? LayerSweep.Run(swept, qubitCounts, batchSizes, layers, threadCounts, result.GetValue(repetitions), Print)
                : LayerBenchmark.Run(qubitCounts[0], batchSizes[0], layers, threadCounts, result.GetValue(repetitions), Print);
            string kind = axis is LayerSweepAxis k ? $"layer-vs-{k.ToString().ToLowerInvariant()}" : "layer";
            Finish(context, table, jsonPath, new BenchmarkReport<LayerBenchmarkResult>(kind, CommandLine(), machine, rows).ToJson());
            if (axis is LayerSweepAxis plotted && plotPath is not null)
            {
                string fixedPart = plotted == LayerSweepAxis.Qubits ? $"B = {batchSizes[0]}" : $"n = {qubitCounts[0]}";
                LayerSweepPlot.Save(plotPath, $"Batched RY/CNOT layer, depth {layers}, {fixedPart}, complex128 (median of {result.GetValue(repetitions)})",
                    plotted, rows);
                table.WriteLine($"wrote {plotPath}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The <c>--sweep</c> value: null (no sweep), qubits or batch.</summary>
    internal static LayerSweepAxis? SweepAxis(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "qubits" or "n" => LayerSweepAxis.Qubits,
        "batch" or "b" => LayerSweepAxis.Batch,
        _ => throw new UsageException($"--sweep must be qubits or batch; got '{text}'."),
    };

    /// <summary>
    /// Positive integers as a list (<c>1,8,64</c>), an inclusive range (<c>4..14</c>) or a mix (<c>4..6,10</c>);
    /// with <paramref name="allowMany"/> false exactly one value.
    /// </summary>
    internal static IReadOnlyList<int> SweepValues(string text, string option, bool allowMany)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                values.Add(Positive(part, option));
                continue;
            }
            int first = Positive(part[..dots].Trim(), option), last = Positive(part[(dots + 2)..].Trim(), option);
            if (last < first) throw new UsageException($"{option}: range '{part}' ends before it starts.");
            for (int v = first; v <= last; v++) values.Add(v);
        }
        if (values.Count == 0) throw new UsageException($"{option}: give at least one value.");
        if (!allowMany && values.Count > 1)
            throw new UsageException($"{option}: '{text}' holds {values.Count} values; only the swept quantity (--sweep) may have several.");
        return values;
    }

    private static int Positive(string text, string option) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw new UsageException($"{option}: '{text}' is not an integer ≥ 1.");

    private static Command Circuit(CliContext context, Option<bool> verbose)
    {
        var qubits = new Option<int>("--qubits") { Description = "Qubits n.", Required = true };
        var cycles = new Option<int>("--cycles") { Description = "Cycles of the random circuit.", DefaultValueFactory = _ => 20 };
        var precision = new Option<string>("--precision") { Description = "complex128 or complex64.", DefaultValueFactory = _ => "complex64" };
        var fusion = new Option<string>("--fusion") { Description = "Fusion settings, comma-separated (0 = off).", DefaultValueFactory = _ => "0,4" };
        var threads = new Option<string>("--threads") { Description = "Native thread counts, comma-separated.", DefaultValueFactory = _ => "1,2" };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs per figure.", DefaultValueFactory = _ => 3 };
        var json = JsonOption("circuit");
        var command = new Command("circuit", "qsim-style random circuit through the managed API, per fusion setting and thread count.");
        foreach (var option in new Option[] { qubits, cycles, precision, fusion, threads, repetitions, json }) command.Add(option);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            var states = result.GetValue(precision)?.ToLowerInvariant() switch
            {
                "complex128" or "c128" => Precision.Complex128,
                "complex64" or "c64" => Precision.Complex64,
                var other => throw new UsageException($"--precision must be complex128 or complex64; got '{other}'."),
            };
            var machine = MachineInfo.Current();
            var table = Console(context, jsonPath);
            table.WriteLine($"{"qubits",6} {"cycles",6} {"gates",6} {"precision",10} {"fusion",6} {"threads",7} {"median ms",10} {"min",10} {"max",10}");
            var rows = CircuitBenchmark.Run(result.GetValue(qubits), result.GetValue(cycles), states, Counts(result.GetValue(fusion)!, "--fusion", min: 0),
                Counts(result.GetValue(threads)!, "--threads"), result.GetValue(repetitions), r => table.WriteLine(
                    $"{r.Qubits,6} {r.Cycles,6} {r.Gates,6} {r.Precision,10} {r.Fusion,6} {r.Threads,7} {F(r.Milliseconds.Median),10} {F(r.Milliseconds.Min),10} {F(r.Milliseconds.Max),10}"));
            Finish(context, table, jsonPath, new BenchmarkReport<CircuitBenchmarkResult>("circuit", CommandLine(), machine, rows).ToJson());
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<string?> JsonOption(string kind) => new("--json")
    {
        Description = $"JSON report file ('-' = standard output, table on standard error).",
        DefaultValueFactory = _ => $"bench-{kind}.json",
    };

    /// <summary>The table goes to standard error when the JSON goes to standard output.</summary>
    private static TextWriter Console(CliContext context, string? jsonPath) => jsonPath == "-" ? context.Error : context.Output;

    private static void Finish(CliContext context, TextWriter table, string? jsonPath, string json)
    {
        OutputFiles.WriteJson(jsonPath, json, context);
        if (jsonPath is not null && jsonPath != "-") table.WriteLine($"wrote {jsonPath}");
    }

    /// <summary>Comma-separated integers ≥ <paramref name="min"/>.</summary>
    internal static IReadOnlyList<int> Counts(string text, string option, int min = 1)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min)
                throw new UsageException($"{option}: '{part}' is not an integer ≥ {min}.");
            values.Add(value);
        }
        if (values.Count == 0) throw new UsageException($"{option}: give at least one value.");
        return values;
    }

    /// <summary>../shared/datasets/&lt;preset&gt; beside the repository found by walking up from the current folder.</summary>
    private static string DefaultDataFolder(string preset)
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            bool isRepo = File.Exists(Path.Combine(folder.FullName, "Qdcnn.Native.sln")) || Directory.Exists(Path.Combine(folder.FullName, ".git"));
            if (!isRepo) continue;
            string candidate = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "datasets", preset));
            if (Directory.Exists(candidate)) return candidate;
            throw new UsageException($"--data not given and the default '{candidate}' does not exist.");
        }
        throw new UsageException("--data not given and no repository folder (with Qdcnn.Native.sln or .git) above the current folder.");
    }

    private static string CommandLine() => "qdcnn " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Mib(long? bytes) => bytes is long b ? (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "n/a";
}
