using System.Text.Json.Nodes;
using Qdcnn.Text.Data;

namespace Qdcnn.Cli.Tests;

/// <summary><c>qdcnn ablate</c> end to end, in-process, on a tiny generated corpus (one short epoch per run).</summary>
public class AblateCommandTests
{
    private static readonly string[] Variants =
        ["qdcnn-full", "qdcnn-no-pointwise", "qdcnn-no-pooling", "qdcnn-sum-fusion", "qdcnn-word", "qdcnn-sentence"];

    [Fact]
    public void AblateWritesTableJsonAndChartWithOneRowPerVariant()
    {
        using var folder = new TempFolder();
        folder.WriteCorpus("d", new CorpusOptions { TrainSize = 16, DevSize = 8, TestSize = 10 });

        var r = CliRunner.Run("ablate", "--data", folder["d"], "--seeds", "2", "--epochs", "1", "--out", folder["abl"], "--json", folder["a.json"]);

        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var file in new[] { "ablation.txt", "ablation.json", "ablation.png" })
            Assert.True(File.Exists(Path.Combine(folder["abl"], file)), file);
        var json = JsonNode.Parse(File.ReadAllText(folder["a.json"]))!;
        Assert.Equal("qdcnn-ablation/1", (string)json["format"]!);
        Assert.Equal([1L, 2L], json["seeds"]!.AsArray().Select(s => (long)s!));
        var rows = json["rows"]!.AsArray();
        Assert.Equal(Variants, rows.Select(row => (string)row!["model"]!));
        Assert.All(rows, row =>
        {
            Assert.Equal(2, (int)row!["testAccuracy"]!["count"]!);
            Assert.InRange((double)row["testAccuracy"]!["mean"]!, 0.0, 1.0);
            Assert.True((long)row["parameters"]! > 0);
        });
        long Parameters(string model) => (long)rows.Single(row => (string)row!["model"]! == model)!["parameters"]!;
        long Controlled(string model) => (long)rows.Single(row => (string)row!["model"]! == model)!["controlledRotations"]!;
        Assert.True(Parameters("qdcnn-no-pointwise") < Parameters("qdcnn-full"));
        Assert.True(Controlled("qdcnn-no-pointwise") < Controlled("qdcnn-full"));
        Assert.True(Parameters("qdcnn-sum-fusion") < Parameters("qdcnn-full"));

        string table = File.ReadAllText(Path.Combine(folder["abl"], "ablation.txt"));
        Assert.All(Variants, v => Assert.Contains(v, table));
        Assert.Contains("controlled rotations", table);
        Assert.Contains("±", r.Output);
        Assert.Contains("saved:", r.Output);
        Assert.Equal(File.ReadAllText(folder["a.json"]).Trim(), File.ReadAllText(Path.Combine(folder["abl"], "ablation.json")).Trim());
    }

    [Theory]
    [InlineData("--seeds", "zero")]
    [InlineData("--preset", "nope")]
    [InlineData("--epochs", "-3")]
    public void AUsageErrorExitsWithTwoAndWritesNothing(string option, string value)
    {
        using var folder = new TempFolder();
        string data = folder["d"];
        folder.WriteCorpus("d", new CorpusOptions { TrainSize = 16, DevSize = 8, TestSize = 10 });

        var r = CliRunner.Run("ablate", "--data", data, option, value, "--out", folder["abl"], "--json", folder["a.json"]);

        Assert.Equal(2, r.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
        Assert.Equal([data], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void AnOutputFolderThatIsNotEmptyIsAUsageErrorAndIsLeftAlone()
    {
        using var folder = new TempFolder();
        folder.WriteCorpus("d", new CorpusOptions { TrainSize = 16, DevSize = 8, TestSize = 10 });
        string marker = folder.Write("abl/keep.txt", "mine");

        var r = CliRunner.Run("ablate", "--data", folder["d"], "--epochs", "1", "--out", folder["abl"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal([marker], Directory.GetFileSystemEntries(folder["abl"]));
        Assert.Equal("mine", File.ReadAllText(marker));
    }

    [Fact]
    public void AMissingDataFolderFailsAndWritesNothing()
    {
        using var folder = new TempFolder();

        var r = CliRunner.Run("ablate", "--data", folder["missing"], "--epochs", "1", "--out", folder["abl"]);

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("missing", r.Error);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
