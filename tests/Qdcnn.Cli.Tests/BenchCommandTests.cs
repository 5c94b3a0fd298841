using System.Text.Json;
using Qdcnn.Training.Benchmarks;

namespace Qdcnn.Cli.Tests;

public class BenchCommandTests
{
    [Theory]
    [InlineData("4..7", new[] { 4, 5, 6, 7 })]
    [InlineData("1,8,64", new[] { 1, 8, 64 })]
    [InlineData(" 2..3 , 10 ", new[] { 2, 3, 10 })]
    [InlineData("5..5", new[] { 5 })]
    public void SweepValuesAcceptRangesAndLists(string text, int[] expected) =>
        Assert.Equal(expected, BenchCommand.SweepValues(text, "--qubits", allowMany: true));

    [Theory]
    [InlineData("7..4", "ends before it starts")]
    [InlineData("0..3", "'0' is not an integer ≥ 1")]
    [InlineData("a,2", "'a' is not an integer ≥ 1")]
    [InlineData("3...", "is not an integer ≥ 1")]
    [InlineData(",", "give at least one value")]
    public void BadSweepValuesNameTheOption(string text, string message)
    {
        var error = Assert.Throws<UsageException>(() => BenchCommand.SweepValues(text, "--batch", allowMany: true));
        Assert.StartsWith("--batch: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void OnlyTheSweptQuantityMayHaveSeveralValues()
    {
        Assert.Equal(new[] { 1024 }, BenchCommand.SweepValues("1024", "--batch", allowMany: false));
        var error = Assert.Throws<UsageException>(() => BenchCommand.SweepValues("1,2", "--batch", allowMany: false));
        Assert.Contains("only the swept quantity", error.Message);
        Assert.Equal(LayerSweepAxis.Qubits, BenchCommand.SweepAxis("qubits"));
        Assert.Equal(LayerSweepAxis.Batch, BenchCommand.SweepAxis("Batch"));
        Assert.Null(BenchCommand.SweepAxis(null));
        Assert.Throws<UsageException>(() => BenchCommand.SweepAxis("depth"));
    }

    [Fact]
    public void BatchSweepWritesOneRowPerPointTheJsonAndAPng()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("bench", "layer", "--sweep", "batch", "--qubits", "2", "--batch", "1,4", "--depth", "1",
            "--repetitions", "1", "--json", folder["sweep.json"], "--plot", folder["sweep.png"]);
        Assert.True(r.ExitCode == 0, r.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(folder["sweep.json"]));
        Assert.Equal("layer-vs-batch", json.RootElement.GetProperty("benchmark").GetString());
        var batches = json.RootElement.GetProperty("results").EnumerateArray().Select(row => row.GetProperty("batch").GetInt32()).ToArray();
        Assert.Equal(new[] { 1, 4 }, batches); // one thread by default in a sweep
        byte[] png = File.ReadAllBytes(folder["sweep.png"]);
        Assert.True(png.Length > 1000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G');
    }

    [Fact]
    public void ASweepOfQubitsRefusesSeveralBatchSizes()
    {
        var r = CliRunner.Run("bench", "layer", "--sweep", "qubits", "--qubits", "2..3", "--batch", "1,4", "--json", "-");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--batch", r.Error);
    }
}
