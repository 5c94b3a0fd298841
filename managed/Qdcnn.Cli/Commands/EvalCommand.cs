using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary>
/// <c>qdcnn eval</c>: scores a checkpoint written by <c>train</c>, or the authors' reference weights
/// (<c>--reference file --dataset MC|RP</c>) with the spec's vocabularies and idf tables.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var checkpoint = new Option<string?>("--checkpoint", "-c") { Description = "Checkpoint folder written by 'qdcnn train' (e.g. runs/x/seed-1)." };
        var reference = new Option<string?>("--reference") { Description = "The authors' msff_reference_checkpoints.json (instead of --checkpoint)." };
        var dataset = new Option<string?>("--dataset") { Description = "With --reference: MC or RP." };
        var model = new Option<string?>("--model", "-m") { Description = "With --reference: msff-qdconv (default), msff-qconv, msff-dconv or msff-conv." };
        var data = new Option<string?>("--data") { Description = "A labelled file (every row is scored) or a dataset folder (its test split)." };
        var logits = new Option<string?>("--logits") { Description = "Write per-sentence logits as CSV: index,label,logit0,logit1,…" };
        var json = new Option<string?>("--json") { Description = "Write the result as JSON to this file ('-' = standard output)." };

        var command = new Command("eval", "Score a trained checkpoint or the authors' reference weights on labelled data.");
        foreach (var option in new Option[] { checkpoint, reference, dataset, model, data, logits, json }) command.Add(option);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            string? checkpointPath = result.GetValue(checkpoint), referencePath = result.GetValue(reference);
            string? dataPath = result.GetValue(data);
            if ((checkpointPath is null) == (referencePath is null))
                throw new UsageException("give exactly one of --checkpoint <folder> or --reference <file>.");
            if (dataPath is null) throw new UsageException("--data <file|folder> is required.");
            if (referencePath is null && (result.GetValue(dataset) is not null || result.GetValue(model) is not null))
                throw new UsageException("--dataset and --model go with --reference only; a checkpoint knows its model.");
            string? datasetName = result.GetValue(dataset);
            if (referencePath is not null && datasetName is null) throw new UsageException("--reference needs --dataset MC or RP.");
            if (datasetName is not null && datasetName.ToUpperInvariant() is not ("MC" or "RP"))
                throw new UsageException($"--dataset: '{datasetName}' is not MC or RP.");
            string? logitsPath = OutputFiles.CheckedFile(result.GetValue(logits), "--logits");
            string? jsonPath = OutputFiles.CheckedFile(result.GetValue(json), "--json");
            string modelName = referencePath is null ? "" : OptionParsing.Model(result.GetValue(model) ?? "msff-qdconv");

            var sentences = DataSource.LoadEvaluationSet(dataPath);
            using var trained = referencePath is not null
                ? ReferenceModels.Load(referencePath, datasetName!, modelName)
                : Checkpoint.Load(checkpointPath!);
            using var set = trained.Encode(sentences);
            var evaluation = Evaluator.Evaluate(trained.Model, set);

            if (logitsPath is not null) LogitsCsv.Write(logitsPath, evaluation, trained.Labels.LabelOf);
            string source = referencePath is not null ? $"reference {datasetName!.ToUpperInvariant()} {trained.Model.Name} ({referencePath})" : checkpointPath!;
            var node = new JsonObject
            {
                ["model"] = trained.Model.Name,
                ["source"] = source,
                ["data"] = dataPath,
                ["count"] = evaluation.Count,
                ["correct"] = evaluation.Correct,
                ["accuracy"] = evaluation.Accuracy,
                ["loss"] = evaluation.Loss,
                ["parameterCount"] = trained.Model.ParameterCount,
                ["sentencesPerSecond"] = evaluation.SentencesPerSecond,
            };
            OutputFiles.WriteJson(jsonPath, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), context);
            if (jsonPath != "-")
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{trained.Model.Name} ({source}) on {dataPath}: accuracy {evaluation.Correct}/{evaluation.Count} = {evaluation.Accuracy:P2}, loss {evaluation.Loss:F4}"));
                if (logitsPath is not null) context.Output.WriteLine($"logits: {logitsPath}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
