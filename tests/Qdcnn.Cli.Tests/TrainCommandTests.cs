using System.Text.Json.Nodes;
using Qdcnn.Text.Data;

namespace Qdcnn.Cli.Tests;

public class TrainCommandTests
{
    [Fact]
    public void TrainsOnTheEmbeddedCorpusAndWritesCheckpointReportAndCurves()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("train", "--model", "logreg", "--epochs", "3", "--seeds", "2", "--out", folder["run"], "--json", folder["r.json"]);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Empty(r.Error);
        foreach (var file in new[] { "report.json", "learning-curves.png", "seed-1/model.json", "seed-1/weights.bin",
                     "seed-1/pipeline.json", "seed-1/labels.json", "seed-2/weights.bin" })
            Assert.True(File.Exists(Path.Combine(folder["run"], file)), file);
        var report = JsonNode.Parse(File.ReadAllText(folder["r.json"]))!;
        Assert.Equal("logreg", (string?)report["model"]);
        Assert.Equal(2, report["runs"]!.AsArray().Count);
        Assert.Equal(File.ReadAllText(folder["r.json"]), File.ReadAllText(Path.Combine(folder["run"], "report.json")));
        Assert.Contains("test accuracy (validation-selected)", r.Output);
        Assert.Contains("epoch   3/3", r.Output);
        Assert.DoesNotContain("best-on-test", r.Output);
    }

    [Fact]
    public void JsonToStandardOutputIsPureJsonInFloat32()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("train", "--model", "msff-dconv", "--epochs", "2", "--dtype", "float32", "--out", folder["run"], "--json", "-");
        Assert.True(r.ExitCode == 0, r.Error);
        var report = JsonNode.Parse(r.Output)!; // progress went to standard error
        Assert.Equal("float32", (string?)report["hyperParameters"]!["dtype"]);
        Assert.Contains("epoch   2/2", r.Error);
        Assert.Contains("\"Float32\"", File.ReadAllText(Path.Combine(folder["run"], "seed-1", "model.json")));

        var e = CliRunner.Run("eval", "--checkpoint", Path.Combine(folder["run"], "seed-1"), "--data", WriteTest(folder), "--json", "-");
        Assert.True(e.ExitCode == 0, e.Error);
        Assert.Equal(100, (int)JsonNode.Parse(e.Output)!["count"]!);
    }

    private static string WriteTest(TempFolder folder) =>
        folder.WriteCsv("test.csv", CorpusGenerator.Generate(new CorpusOptions()).Test);

    [Fact]
    public void PaperProtocolIsLabelledInEveryOutput()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("train", "--model", "logreg", "--epochs", "2", "--paper-protocol", "--out", folder["run"]);
        Assert.True(r.ExitCode == 0, r.Error);
        const string label = "best-on-test (paper protocol, optimistic)";
        Assert.Contains(label, r.Output);
        Assert.Contains(label, File.ReadAllText(Path.Combine(folder["run"], "report.json")));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("train", "--model", "no-such-model")]
    [InlineData("train", "--model", "logreg", "--bogus")]
    [InlineData("train", "--model", "logreg", "--seeds", "a,b")]
    [InlineData("train", "--model", "logreg", "--epochs", "0")]
    [InlineData("train", "--model", "logreg", "--epochs", "x")]
    [InlineData("train", "--model", "logreg", "--dtype", "int8")]
    [InlineData("train", "--model", "logreg", "--preset", "zz")]
    public void UsageErrorsExitWithTwoAndWriteNothing(params string[] args)
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run([.. args, "--out", folder["run"]]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("qdcnn: error:", r.Error);
        Assert.DoesNotContain("   at ", r.Error); // no stack trace
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void AMalformedDataFileFailsWithOneLineNamingFileAndLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        folder.Write("d/train.csv", "label,text\n0,man cooks meal\n1,woman codes app\n0,\"unterminated\n");
        folder.Write("d/test.csv", "label,text\n0,man cooks\n");
        var r = CliRunner.Run("train", "--model", "logreg", "--data", folder["d"], "--out", folder["run"], "--json", folder["r.json"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("train.csv:", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(folder["run"]));
        Assert.False(File.Exists(folder["r.json"]));
    }

    [Fact]
    public void AnExistingNonEmptyOutFolderIsRefusedBeforeTraining()
    {
        using var folder = new TempFolder();
        folder.Write("run/other.txt", "keep");
        var r = CliRunner.Run("train", "--model", "logreg", "--epochs", "1", "--out", folder["run"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--out", r.Error);
        Assert.Equal(["other.txt"], Directory.GetFileSystemEntries(folder["run"]).Select(Path.GetFileName));
    }

    [Fact]
    public void ATestLabelUnseenInTrainingIsARuntimeErrorNamingTheRow()
    {
        using var folder = new TempFolder();
        var splits = folder.WriteCorpus("d", new CorpusOptions { TrainSize = 20, DevSize = 0, TestSize = 6 });
        folder.Write("d/test.csv", "label,text\nfood,man cooks meal\nsport,man kicks ball\n");
        var r = CliRunner.Run("train", "--model", "logreg", "--epochs", "1", "--data", folder["d"], "--out", folder["run"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("test.csv:3", r.Error);
        Assert.Contains("sport", r.Error);
        Assert.False(Directory.Exists(folder["run"]));
    }

    [Fact]
    public void VerbosePrintsTheStackTrace()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("train", "--model", "logreg", "--data", folder["missing"], "--out", folder["run"], "--verbose");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("   at ", r.Error);
    }
}
