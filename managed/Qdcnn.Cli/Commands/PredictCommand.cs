using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qdcnn.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Cli;

/// <summary><c>qdcnn predict</c>: classifies sentences given as arguments, or one per line from standard input.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var checkpoint = new Option<string?>("--checkpoint", "-c") { Description = "Checkpoint folder written by 'qdcnn train'.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON array of {text, label, probabilities} instead of lines." };
        var sentences = new Argument<string[]>("sentences")
        {
            Description = "Sentences to classify; none = read one per line from standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("predict", "Classify sentences with a trained checkpoint.");
        command.Add(checkpoint);
        command.Add(json);
        command.Add(sentences);
        command.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            using var trained = Checkpoint.Load(result.GetValue(checkpoint)!);
            var texts = result.GetValue(sentences) is { Length: > 0 } given ? given.ToList() : ReadLines(context.Input);
            if (texts.Count == 0) throw new UsageException("no sentences: pass them as arguments or one per line on standard input.");
            using var set = trained.EncodeUnlabelled(texts);
            var evaluation = Evaluator.Evaluate(trained.Model, set);
            double[] probabilities = Softmax(evaluation);
            int classes = evaluation.Classes;

            if (result.GetValue(json))
            {
                var array = new JsonArray();
                for (int i = 0; i < texts.Count; i++)
                {
                    var p = new JsonObject();
                    for (int c = 0; c < classes; c++) p[trained.Labels.LabelOf(c)] = probabilities[i * classes + c];
                    array.Add(new JsonObject { ["text"] = texts[i], ["label"] = trained.Labels.LabelOf(evaluation.PredictedClass(i)), ["probabilities"] = p });
                }
                context.Output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                for (int i = 0; i < texts.Count; i++)
                {
                    int c = evaluation.PredictedClass(i);
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{trained.Labels.LabelOf(c)}\t{probabilities[i * classes + c]:F3}\t{texts[i]}"));
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<string> ReadLines(TextReader input)
    {
        var lines = new List<string>();
        while (input.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) lines.Add(line.Trim());
        return lines;
    }

    private static double[] Softmax(Evaluation evaluation)
    {
        using var logits = torch.tensor(evaluation.Logits, [evaluation.Count, evaluation.Classes], ScalarType.Float64);
        using var p = logits.softmax(1);
        return p.data<double>().ToArray();
    }
}
