using System.Text.Json.Nodes;
using Qdcnn.Text.Data;

namespace Qdcnn.Cli.Tests;

public class NoiseCommandTests
{
    /// <summary>Trains <paramref name="model"/> briefly on a small corpus folder "d"; returns the checkpoint folder.</summary>
    private static string Train(TempFolder folder, string model)
    {
        folder.WriteCorpus("d", new CorpusOptions { TrainSize = 40, DevSize = 10, TestSize = 20 });
        var r = CliRunner.Run("train", "--model", model, "--epochs", "2", "--data", folder["d"], "--out", folder["run"]);
        Assert.True(r.ExitCode == 0, r.Error);
        return Path.Combine(folder["run"], "seed-1");
    }

    [Fact]
    public void NoiseStudyWritesTableJsonAndPlotAndItsNoiselessCellMatchesEval()
    {
        using var folder = new TempFolder();
        string checkpoint = Train(folder, "msff-qdconv");

        var r = CliRunner.Run("noise", "--checkpoint", checkpoint, "--data", folder["d"], "--depolarizing", "0,0.05", "--shots", "0,256",
            "--seeds", "2", "--out", folder["noise"]);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("| depolarizing p | exact expectations | 256 shots |", r.Output);
        foreach (var file in new[] { "noise.md", "noise.json", "noise.png" }) Assert.True(File.Exists(Path.Combine(folder["noise"], file)), file);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder["noise"], "noise.json")))!;
        var cells = json["cells"]!.AsArray();
        Assert.Equal(4, cells.Count);
        Assert.Equal(2, cells.Single(c => (double)c!["depolarizing"]! == 0.05 && (long)c!["shots"]! == 256)!["accuracies"]!.AsArray().Count);
        double noiseless = (double)cells.Single(c => (double)c!["depolarizing"]! == 0 && (long)c!["shots"]! == 0)!["mean"]!;

        var eval = CliRunner.Run("eval", "--checkpoint", checkpoint, "--data", folder["d"], "--json", folder["e.json"]);
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Equal((double)JsonNode.Parse(File.ReadAllText(folder["e.json"]))!["accuracy"]!, noiseless);
        Assert.Equal(noiseless, (double)json["exactAccuracy"]!);
    }

    [Fact]
    public void BadArgumentsAndClassicalCheckpointsFailWithoutWritingAnything()
    {
        using var folder = new TempFolder();
        string checkpoint = Train(folder, "msff-dconv");

        var r = CliRunner.Run("noise", "--checkpoint", checkpoint, "--data", folder["d"], "--depolarizing", "0,1.5", "--out", folder["a"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--depolarizing: 1.5 is not a probability in [0, 1]", r.Error);

        r = CliRunner.Run("noise", "--checkpoint", checkpoint, "--data", folder["d"], "--shots", "-3", "--out", folder["a"]);
        Assert.Equal(2, r.ExitCode);
        r = CliRunner.Run("noise", "--checkpoint", checkpoint, "--data", folder["d"], "--method", "exact", "--out", folder["a"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--method", r.Error);
        r = CliRunner.Run("noise", "--checkpoint", checkpoint, "--data", folder["d"], "--readout", "2", "--out", folder["a"]);
        Assert.Equal(2, r.ExitCode);

        r = CliRunner.Run("noise", "--checkpoint", checkpoint, "--data", folder["d"], "--out", folder["a"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("classical", r.Error);

        r = CliRunner.Run("noise", "--checkpoint", folder["missing"], "--data", folder["d"], "--out", folder["a"]);
        Assert.Equal(1, r.ExitCode);
        r = CliRunner.Run("noise", "--data", folder["d"]);
        Assert.Equal(2, r.ExitCode);

        Assert.False(Directory.Exists(folder["a"]));
        Assert.Equal(["d", "run"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }
}
