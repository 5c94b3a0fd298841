using System.CommandLine;
using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn ablate</c>: trains the full quantum deep CNN and its ablations (without pointwise, without pooling,
/// sum fusion, word-only, sentence-only) on the same data and seeds, and writes one table (test accuracy of the
/// validation-selected model, mean ± std; parameters; CNOT and controlled-rotation counts) as text, JSON and PNG.
/// </summary>
internal static class AblateCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var arguments = new TrainingArguments();
        var output = new Option<string?>("--out", "-o") { Description = "Output folder for ablation.txt, ablation.json, ablation.png. Default runs/ablate-<time>." };
        var json = new Option<string?>("--json") { Description = "Also write the JSON to this file ('-' = standard output)." };
        var command = new Command("ablate", "Train qdcnn-full and its ablations over N seeds and tabulate accuracy, parameters and gate counts.");
        arguments.AddTo(command);
        command.Add(output);
        command.Add(json);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            var seeds = arguments.SeedList(result);
            var settings = AblationRunner.Variants.ToDictionary(n => n, n => arguments.Settings(result, n));
            string outFolder = OutputFiles.OutFolder(result.GetValue(output), "ablate");
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            var (splits, description) = DataSource.Load(result.GetValue(arguments.Data));
            var progress = jsonPath == "-" ? context.Error : context.Output;
            var rows = AblationRunner.Run(splits, n => settings[n], seeds, (model, seed, run) =>
                progress.WriteLine($"{model} seed {seed}: test {run.SelectedTest.Accuracy:P1} (epoch {run.SelectedEpoch} selected on {run.ValidationSource})"));
            var report = AblationReport.Create(description, settings.Values.First().Preset.Name, seeds, rows);
            report.Save(outFolder);
            OutputFiles.WriteJson(jsonPath, report.ToJson(), context);
            if (jsonPath != "-")
            {
                context.Output.Write(report.ToTable());
                context.Output.WriteLine($"saved: {outFolder} (ablation.txt, ablation.json, ablation.png)");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
