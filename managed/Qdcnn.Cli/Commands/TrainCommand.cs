using System.CommandLine;
using System.Globalization;
using Qdcnn.Models;
using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn train</c>: trains one model for one or more seeds, selects each run's epoch on validation,
/// scores the test set, and writes (all at once, nothing on failure) a folder with one checkpoint per seed,
/// <c>report.json</c> and <c>learning-curves.png</c>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var arguments = new TrainingArguments();
        var model = new Option<string?>("--model", "-m")
        {
            Description = "Model to train: " + string.Join(", ", ModelFactory.Names) + ".",
        };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (must not exist or be empty). Default runs/<model>-<time>." };
        var json = new Option<string?>("--json") { Description = "Also write the JSON report to this file ('-' = standard output)." };

        var command = new Command("train", "Train a model, select the epoch on validation data, report test accuracy.");
        command.Add(model);
        arguments.AddTo(command);
        command.Add(output);
        command.Add(json);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            string modelName = OptionParsing.Model(result.GetValue(model));
            var settings = arguments.Settings(result, modelName);
            var seeds = arguments.SeedList(result);
            string outFolder = OutputFiles.OutFolder(result.GetValue(output), modelName);
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            var (splits, description) = DataSource.Load(result.GetValue(arguments.Data));

            var runs = new List<RunResult>();
            try
            {
                ProgressReporter.ForRuns(jsonPath == "-" ? context with { Output = context.Error } : context, seeds, s => $"{modelName} seed {s}", settings.Training.Epochs,
                    (seed, onEpoch) => runs.Add(Experiment.Run(splits, settings, seed, onEpoch)));
                var report = TrainingReport.From(settings, description, runs);
                string reportJson = report.ToJson();
                AtomicFile.WriteDirectory(outFolder, staging =>
                {
                    foreach (var run in runs)
                        Checkpoint.WriteInto(run.Trained, Path.Combine(staging, $"seed-{run.Seed}"));
                    File.WriteAllText(Path.Combine(staging, "report.json"), reportJson + "\n");
                    LearningCurvePlot.Save(Path.Combine(staging, "learning-curves.png"),
                        $"{modelName} on {description}", runs.Select(r => r.Epochs).ToList(), runs.Select(r => r.SelectedEpoch).ToList());
                });
                OutputFiles.WriteJson(jsonPath, reportJson, context);
                if (jsonPath != "-") PrintSummary(context, report, outFolder);
            }
            finally
            {
                foreach (var run in runs) run.Dispose();
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void PrintSummary(CliContext context, TrainingReport report, string outFolder)
    {
        var w = context.Output;
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"model {report.Model} ({report.Runs[0].ParameterCount} parameters), preset {report.Preset}, data: {report.Data}");
        w.WriteLine($"selection: {report.Selection}");
        foreach (var run in report.Runs)
        {
            w.WriteLine(string.Create(inv,
                $"seed {run.Seed}: selected epoch {run.SelectedEpoch} (val {run.SelectedValidationAccuracy:P2}), test accuracy {run.TestAccuracySelected:P2}, last epoch {run.TestAccuracyLastEpoch:P2}, {run.TrainSeconds:F1} s")
                + (run.PaperProtocolBestTestAccuracy is double p ? string.Create(inv, $"; {Experiment.PaperProtocolLabel}: {p:P2} at epoch {run.PaperProtocolBestEpoch}") : ""));
        }
        var s = report.Summary;
        w.WriteLine($"test accuracy (validation-selected): {s.TestAccuracySelected.ToPercentString()} over {s.Seeds} seed(s)");
        w.WriteLine($"test accuracy (last epoch):          {s.TestAccuracyLastEpoch.ToPercentString()}");
        if (s.PaperProtocolBestTestAccuracy is { } paper)
            w.WriteLine($"test accuracy ({Experiment.PaperProtocolLabel}): {paper.ToPercentString()}");
        w.WriteLine($"saved: {outFolder} (checkpoints seed-<n>/, report.json, learning-curves.png)");
    }
}
