using Qdcnn.Quantum;

namespace Qdcnn.Cli.Tests;

public class CircuitCommandTests
{
    [Fact]
    public void TextDiagramsAndTheMetricsTableForEveryCircuit()
    {
        var r = CliRunner.Run("circuit", "--model", "msff-qdconv", "--preset", "mc");
        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var name in new[] { "we_mapping.embedding", "se_mapping.embedding", "conv1d.kernels.0", "fc.linear" })
            Assert.Contains($"== {name}: ", r.Output);
        Assert.Contains("q0: --H--", r.Output); // the conv kernel starts with H on every qubit
        Assert.Contains("| circuit | instances | qubits | depth | 1q gates | 2q gates | CNOT | ctrl-rot | params | executions/sentence |", r.Output);
        Assert.Contains("| conv1d.kernels.0 | 1 | 3 | 5 | 9 | 2 | 2 | 0 | 3 | 20 |", r.Output);
        Assert.Contains("Per sentence: 28 circuit executions", r.Output);
    }

    [Fact]
    public void QasmExportOfOneLayerReimportsAndIsWrittenToTheOutFolder()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("circuit", "--model", "msff-qconv", "--preset", "rp", "--layer", "conv1d_1.kernels.", "--format", "qasm", "--out", folder["out"]);
        Assert.True(r.ExitCode == 0, r.Error);
        var files = Directory.GetFiles(folder["out"], "*.qasm");
        Assert.Equal(49, files.Length); // RP: 98 words → 7 qubits → 7² kernels in the first conv layer
        foreach (var file in files)
        {
            using var circuit = Circuit.FromQasm(File.ReadAllText(file));
            Assert.Equal(3, circuit.NumQubits);
            Assert.Equal(3 + 3 + 2 * 5, circuit.GateCount); // H×3, RY(x)×3, depth 2 × (2 CNOT + 3 RY)
        }
        Assert.True(File.Exists(Path.Combine(folder["out"], "metrics.md")));
    }

    [Fact]
    public void BadRequestsAreUsageErrorsAndWriteNothing()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, CliRunner.Run("circuit", "--model", "msff-dconv", "--out", folder["a"]).ExitCode);
        Assert.Equal(2, CliRunner.Run("circuit", "--model", "nope", "--out", folder["a"]).ExitCode);
        Assert.Equal(2, CliRunner.Run("circuit", "--model", "msff-qdconv", "--format", "svg", "--out", folder["a"]).ExitCode);
        var r = CliRunner.Run("circuit", "--model", "msff-qdconv", "--layer", "nothing", "--out", folder["a"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("fc.linear", r.Error);
        Assert.Equal(2, CliRunner.Run("circuit").ExitCode);
        Assert.Equal(1, CliRunner.Run("circuit", "--checkpoint", folder["missing"]).ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
