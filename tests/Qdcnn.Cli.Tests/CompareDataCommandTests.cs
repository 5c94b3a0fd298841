using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Qdcnn.Cli.Tests;

public class CompareDataCommandTests
{
    [Fact]
    public void CompareWritesTableJsonAndChart()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("compare", "--models", "logreg,msff-dconv", "--seeds", "2", "--epochs", "2", "--out", folder["cmp"], "--json", folder["c.json"]);

        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var file in new[] { "compare.txt", "compare.json", "compare.png" })
            Assert.True(File.Exists(Path.Combine(folder["cmp"], file)), file);
        var json = JsonNode.Parse(File.ReadAllText(folder["c.json"]))!;
        var models = json["models"]!.AsArray();
        Assert.Equal(["logreg", "msff-dconv"], models.Select(m => (string)m!["model"]!));
        Assert.All(models, m => Assert.Equal(2, (int)m!["testAccuracy"]!["count"]!));
        Assert.Contains("msff-dconv", r.Output);
        Assert.Contains("±", r.Output);
        Assert.Contains("inference sent/s", File.ReadAllText(Path.Combine(folder["cmp"], "compare.txt")));
    }

    [Fact]
    public void CompareRejectsUnknownOrMissingModels()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, CliRunner.Run("compare", "--models", "logreg,nope", "--out", folder["cmp"]).ExitCode);
        Assert.Equal(2, CliRunner.Run("compare", "--out", folder["cmp"]).ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void DataFetchInstallsAPackageAndTheCacheFolderTrains()
    {
        using var folder = new TempFolder();
        string tgz = WriteFakeSentimentPackage(folder);
        var r = CliRunner.Run("data", "fetch", "uci-sentences", "--cache", folder["cache"], "--from-package", tgz);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("60 labelled sentences", r.Output);

        r = CliRunner.Run("train", "--model", "logreg", "--epochs", "2", "--data", folder["cache"], "--out", folder["run"]);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("UCI", r.Output);
    }

    [Fact]
    public void DataFetchOfAnUnknownDatasetIsAUsageError()
    {
        Assert.Equal(2, CliRunner.Run("data", "fetch", "imagenet").ExitCode);
    }

    [Fact]
    public void HelpAndModelsListExitZero()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("train", r.Output);
        r = CliRunner.Run("models");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("msff-dconv", r.Output);
        Assert.Contains("logreg", r.Output);
    }

    /// <summary>A .tgz shaped like sentiment@5.0.2: package/test/fixtures/{amazon,imdb,yelp}.json, 20 rows each plus a null row.</summary>
    private static string WriteFakeSentimentPackage(TempFolder folder)
    {
        string path = folder["sentiment-5.0.2.tgz"];
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
        string[] good = ["great", "lovely", "excellent", "superb", "wonderful"], bad = ["awful", "terrible", "poor", "horrible", "bad"];
        foreach (var source in new[] { "amazon", "imdb", "yelp" })
        {
            var rows = Enumerable.Range(0, 20).Select(i => i % 2 == 0
                ? $"{{\"text\": \"the {source} item was {good[i / 2 % 5]} number {i}\", \"class\": 1}}"
                : $"{{\"text\": \"the {source} item was {bad[i / 2 % 5]} number {i}\", \"class\": 0}}")
                .Append("{\"text\": \"\", \"class\": null}");
            var entry = new PaxTarEntry(TarEntryType.RegularFile, $"package/test/fixtures/{source}.json")
            {
                DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",\n", rows) + "]")),
            };
            tar.WriteEntry(entry);
        }
        return path;
    }
}
