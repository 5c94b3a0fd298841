using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;

namespace Qdcnn.Training.Noise;

/// <summary>Writes a <see cref="NoiseStudyResult"/> as a text/Markdown table, JSON and a PNG plot.</summary>
public static class NoiseStudyReport
{
    /// <summary>File names inside the output folder.</summary>
    public const string TableFile = "noise.md", JsonFile = "noise.json", PlotFile = "noise.png";

    /// <summary>Rows = depolarizing p, columns = shot budgets; cells "mean ± std %" of test accuracy.</summary>
    public static string Table(NoiseStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var inv = CultureInfo.InvariantCulture;
        var shots = result.Options.Shots;
        var text = new StringBuilder();
        text.AppendLine(string.Create(inv,
            $"Accuracy of {result.Model} under depolarizing noise ({result.Sentences} sentences, {result.Method}, {result.Options.Seeds.Count} seed(s){(result.Options.Readout > 0 ? $", readout error {result.Options.Readout}" : "")}); noiseless exact accuracy {100 * result.ExactAccuracy:F2} %:"));
        text.AppendLine();
        text.AppendLine("| depolarizing p | " + string.Join(" | ", shots.Select(s => s == 0 ? "exact expectations" : $"{s} shots")) + " |");
        text.AppendLine("|---:|" + string.Concat(shots.Select(_ => "---:|")));
        foreach (double p in result.Options.Depolarizing)
        {
            var cells = shots.Select(s => result.Cells.First(c => c.Depolarizing == p && c.Shots == s).Accuracy?.ToPercentString() ?? "n/a");
            text.AppendLine(string.Create(inv, $"| {p:G} | ") + string.Join(" | ", cells) + " |");
        }
        if (result.Cells.FirstOrDefault(c => c.Unsupported is not null) is { } unsupported)
        {
            text.AppendLine();
            text.AppendLine($"n/a: {unsupported.Unsupported}");
        }
        return text.ToString();
    }

    /// <summary>The result as indented JSON.</summary>
    public static string Json(NoiseStudyResult result, string checkpoint, string data)
    {
        ArgumentNullException.ThrowIfNull(result);
        var node = new JsonObject
        {
            ["model"] = result.Model,
            ["checkpoint"] = checkpoint,
            ["data"] = data,
            ["sentences"] = result.Sentences,
            ["exactAccuracy"] = result.ExactAccuracy,
            ["maxQubits"] = result.MaxQubits,
            ["method"] = result.Method,
            ["trajectories"] = result.Options.Trajectories,
            ["readout"] = result.Options.Readout,
            ["noiseModel"] = "one-qubit depolarizing(p) after every one-qubit gate; two-qubit depolarizing(p) after every two-qubit gate",
            ["seeds"] = new JsonArray(result.Options.Seeds.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["cells"] = new JsonArray(result.Cells.Select(c => (JsonNode)new JsonObject
            {
                ["depolarizing"] = c.Depolarizing,
                ["shots"] = c.Shots,
                ["accuracies"] = new JsonArray(c.Accuracies.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                ["mean"] = c.Accuracy?.Mean,
                ["std"] = c.Accuracy?.Std,
                ["seconds"] = c.Seconds,
                ["unsupported"] = c.Unsupported,
            }).ToArray()),
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Accuracy (%) against p (one evenly spaced tick per probability), one line per shot budget, exact as a dashed line.</summary>
    public static void SavePlot(NoiseStudyResult result, string path, int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var probabilities = result.Options.Depolarizing;
        double[] x = Enumerable.Range(0, probabilities.Count).Select(i => (double)i).ToArray();
        foreach (long shots in result.Options.Shots)
        {
            var cells = probabilities.Select(p => result.Cells.First(c => c.Depolarizing == p && c.Shots == shots)).ToList();
            if (cells.Any(c => c.Accuracy is null)) continue; // not computed (see the table's note)
            var line = plot.Add.Scatter(x, cells.Select(c => 100 * c.Accuracy!.Mean).ToArray());
            line.LegendText = shots == 0 ? "exact expectations" : $"{shots} shots";
            if (cells.Any(c => c.Accuracy!.Std > 0))
            {
                var bars = plot.Add.ErrorBar(x, cells.Select(c => 100 * c.Accuracy!.Mean).ToArray(), cells.Select(c => 100 * c.Accuracy!.Std).ToArray());
                bars.Color = line.Color;
            }
        }
        var exact = plot.Add.HorizontalLine(100 * result.ExactAccuracy);
        exact.LinePattern = LinePattern.Dashed;
        exact.LineColor = Colors.Gray;
        exact.LegendText = "noiseless";
        plot.Axes.Bottom.SetTicks(x, probabilities.Select(p => p.ToString("G", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.Label.Text = "depolarizing probability p (after every gate)";
        plot.Axes.Left.Label.Text = "test accuracy (%)";
        plot.Axes.SetLimitsY(0, 105);
        plot.Title($"{result.Model} under noise ({result.Method})");
        plot.ShowLegend(Alignment.LowerLeft);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }

    /// <summary>Writes table, JSON and PNG into a new folder <paramref name="directory"/> (all or nothing).</summary>
    public static void Write(NoiseStudyResult result, string directory, string checkpoint, string data)
    {
        string table = Table(result), json = Json(result, checkpoint, data);
        AtomicFile.WriteDirectory(directory, staging =>
        {
            File.WriteAllText(Path.Combine(staging, TableFile), table);
            File.WriteAllText(Path.Combine(staging, JsonFile), json + "\n");
            SavePlot(result, Path.Combine(staging, PlotFile));
        });
    }
}
