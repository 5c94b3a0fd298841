using System.Globalization;
using System.Text.Json.Nodes;
using Qdcnn.Text.Data;

namespace Qdcnn.Cli.Tests;

public class EvalPredictCommandTests
{
    /// <summary>Trains logreg on a small corpus folder; returns the checkpoint folder and the run's test accuracy.</summary>
    private static (string Checkpoint, double TestAccuracy) Train(TempFolder folder, string model = "msff-dconv")
    {
        folder.WriteCorpus("d", new CorpusOptions { TrainSize = 60, DevSize = 20, TestSize = 30 });
        var r = CliRunner.Run("train", "--model", model, "--epochs", "3", "--data", folder["d"], "--out", folder["run"], "--json", folder["r.json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        var report = JsonNode.Parse(File.ReadAllText(folder["r.json"]))!;
        return (Path.Combine(folder["run"], "seed-1"), (double)report["runs"]![0]!["testAccuracySelected"]!);
    }

    [Fact]
    public void EvalOfASavedCheckpointReproducesTheTrainingTestAccuracyAndWritesLogits()
    {
        using var folder = new TempFolder();
        var (checkpoint, accuracy) = Train(folder);

        var r = CliRunner.Run("eval", "--checkpoint", checkpoint, "--data", folder["d"], "--logits", folder["logits.csv"], "--json", folder["e.json"]);

        Assert.True(r.ExitCode == 0, r.Error);
        var result = JsonNode.Parse(File.ReadAllText(folder["e.json"]))!;
        Assert.Equal(accuracy, (double)result["accuracy"]!);
        Assert.Equal(30, (int)result["count"]!);
        var lines = File.ReadAllLines(folder["logits.csv"]);
        Assert.Equal("index,label,logit0,logit1", lines[0]);
        Assert.Equal(31, lines.Length);
        var first = lines[1].Split(',');
        Assert.Equal("0", first[0]);
        Assert.Contains(first[1], new[] { "food", "it" });
        double logit = double.Parse(first[2], CultureInfo.InvariantCulture);
        Assert.Equal(first[2], logit.ToString("G17", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EvalFailuresWriteNothing()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("eval", "--checkpoint", folder["none"], "--data", folder["none.csv"], "--logits", folder["l.csv"]);
        Assert.Equal(1, r.ExitCode);
        Assert.False(File.Exists(folder["l.csv"]));

        r = CliRunner.Run("eval", "--data", "x.csv");
        Assert.Equal(2, r.ExitCode);
        r = CliRunner.Run("eval", "--checkpoint", "a", "--reference", "b", "--data", "x.csv");
        Assert.Equal(2, r.ExitCode);
        r = CliRunner.Run("eval", "--reference", "b", "--dataset", "XX", "--data", "x.csv");
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void PredictClassifiesArgumentsAndStandardInput()
    {
        using var folder = new TempFolder();
        var (checkpoint, _) = Train(folder, "logreg");

        var r = CliRunner.Run("predict", "--checkpoint", checkpoint, "woman_N debugs_TV useful_ADJ program_N", "man_N cooks_TV tasty_ADJ meal_N");
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = r.Output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal(3, l.Split('\t').Length));

        r = CliRunner.RunWithInput("man_N cooks_TV meal_N\n\nwoman_N runs_TV software_N\n", "predict", "-c", checkpoint, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var array = JsonNode.Parse(r.Output)!.AsArray();
        Assert.Equal(2, array.Count);
        var p = array[0]!["probabilities"]!.AsObject();
        Assert.Equal(1.0, p.Sum(kv => (double)kv.Value!), 9);

        r = CliRunner.RunWithInput("", "predict", "-c", checkpoint);
        Assert.Equal(2, r.ExitCode);
        r = CliRunner.Run("predict", "x");
        Assert.Equal(2, r.ExitCode); // --checkpoint is required
    }

    [SkippableTheory]
    [InlineData("MC", "mc", "msff-dconv", 30)]
    [InlineData("RP", "rp", "msff-conv", 27)]
    [InlineData("MC", "mc", "msff-qdconv", 30)]
    [InlineData("RP", "rp", "msff-qdconv", 30)]
    public void EvalScoresTheAuthorsReferenceWeights(string dataset, string folderName, string model, int correct)
    {
        string checkpoint = TestPaths.RequireShared("reference/msff_reference_checkpoints.json");
        string data = TestPaths.RequireShared($"datasets/{folderName}");
        var r = CliRunner.Run("eval", "--reference", checkpoint, "--dataset", dataset, "--model", model, "--data", data, "--json", "-");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(correct, (int)JsonNode.Parse(r.Output)!["correct"]!);
    }
}
