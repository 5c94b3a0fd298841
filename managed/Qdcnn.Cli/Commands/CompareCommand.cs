using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn compare</c>: trains several models on the same data and seeds and writes a head-to-head table
/// (test accuracy of the validation-selected model, mean ± std; parameters; training time; inference
/// sentences/s) as text, JSON and a PNG chart.
/// </summary>
internal static class CompareCommand
{
    /// <summary>One model's row.</summary>
    public sealed record Row(string Model, long Parameters, MeanStd TestAccuracy, MeanStd LastEpochTestAccuracy,
        MeanStd? PaperProtocolBestTestAccuracy, MeanStd TrainSeconds, MeanStd InferenceSentencesPerSecond);

    /// <summary>The JSON document.</summary>
    public sealed record ComparisonReport(string Format, string Data, string Preset, IReadOnlyList<long> Seeds, string Selection,
        string? PaperProtocolLabel, IReadOnlyList<Row> Models);

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var arguments = new TrainingArguments();
        var models = new Option<string?>("--models") { Description = "Comma-separated model names, e.g. msff-dconv,msff-conv,logreg." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder for compare.txt, compare.json, compare.png. Default runs/compare-<time>." };
        var json = new Option<string?>("--json") { Description = "Also write the JSON to this file ('-' = standard output)." };

        var command = new Command("compare", "Train several models on the same data and seeds and compare them.");
        command.Add(models);
        arguments.AddTo(command);
        command.Add(output);
        command.Add(json);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            var names = OptionParsing.Models(result.GetValue(models));
            var seeds = arguments.SeedList(result);
            var settingsByModel = names.ToDictionary(n => n, n => arguments.Settings(result, n));
            string outFolder = OutputFiles.OutFolder(result.GetValue(output), "compare");
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            var (splits, description) = DataSource.Load(result.GetValue(arguments.Data));
            var first = settingsByModel[names[0]];
            bool paper = first.Training.PaperProtocol;

            var rows = new List<Row>();
            var jobs = names.SelectMany(n => seeds.Select(s => (Model: n, Seed: s))).ToList();
            var finished = new Dictionary<string, List<RunResult>>();
            try
            {
                ProgressReporter.ForRuns(jsonPath == "-" ? context with { Output = context.Error } : context, jobs, j => $"{j.Model} seed {j.Seed}", first.Training.Epochs, (job, onEpoch) =>
                {
                    var run = Experiment.Run(splits, settingsByModel[job.Model], job.Seed, onEpoch);
                    if (!finished.TryGetValue(job.Model, out var list)) finished[job.Model] = list = [];
                    list.Add(run);
                });
                foreach (var name in names)
                {
                    var runs = finished[name];
                    rows.Add(new Row(name, runs[0].Trained.Model.ParameterCount,
                        MeanStd.Of(runs.Select(r => r.SelectedTest.Accuracy).ToList()),
                        MeanStd.Of(runs.Select(r => r.LastEpochTest.Accuracy).ToList()),
                        paper ? MeanStd.Of(runs.Select(r => r.PaperProtocolBestTestAccuracy ?? double.NaN).ToList()) : null,
                        MeanStd.Of(runs.Select(r => r.TrainSeconds).ToList()),
                        MeanStd.Of(runs.Select(r => r.SelectedTest.SentencesPerSecond).ToList())));
                }
            }
            finally
            {
                foreach (var run in finished.Values.SelectMany(r => r)) run.Dispose();
            }

            var report = new ComparisonReport("qdcnn-comparison/1", description, first.Preset.Name, seeds,
                "epoch with the best validation accuracy per run; test set scored only after selection",
                paper ? Experiment.PaperProtocolLabel : null, rows);
            string reportJson = JsonSerializer.Serialize(report, TrainingReport.JsonOptions);
            string table = Table(rows, description, seeds.Count, paper);
            AtomicFile.WriteDirectory(outFolder, staging =>
            {
                File.WriteAllText(Path.Combine(staging, "compare.txt"), table);
                File.WriteAllText(Path.Combine(staging, "compare.json"), reportJson + "\n");
                ComparisonPlot.Save(Path.Combine(staging, "compare.png"), $"Test accuracy on {description} ({seeds.Count} seed(s))",
                    rows.Select(r => (r.Model, r.TestAccuracy)).ToList());
            });
            OutputFiles.WriteJson(jsonPath, reportJson, context);
            if (jsonPath != "-")
            {
                context.Output.Write(table);
                context.Output.WriteLine($"saved: {outFolder} (compare.txt, compare.json, compare.png)");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The plain-text table.</summary>
    public static string Table(IReadOnlyList<Row> rows, string data, int seeds, bool paper)
    {
        var inv = CultureInfo.InvariantCulture;
        var header = new List<string> { "model", "parameters", "test acc (val-selected)", "test acc (last epoch)" };
        if (paper) header.Add(Experiment.PaperProtocolLabel);
        header.AddRange(["train s", "inference sent/s"]);
        var cells = rows.Select(r =>
        {
            var line = new List<string> { r.Model, r.Parameters.ToString(inv), r.TestAccuracy.ToPercentString(), r.LastEpochTestAccuracy.ToPercentString() };
            if (paper) line.Add(r.PaperProtocolBestTestAccuracy!.ToPercentString());
            line.Add(string.Create(inv, $"{r.TrainSeconds.Mean:F1} ± {r.TrainSeconds.Std:F1}"));
            line.Add(string.Create(inv, $"{r.InferenceSentencesPerSecond.Mean:F0}"));
            return line;
        }).ToList();
        int[] widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"data: {data}; {seeds} seed(s); mean ± std over seeds");
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var line in cells) text.AppendLine(string.Join("  ", line.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }
}
