using System.Text.Json.Nodes;
using Qdcnn.Training.Noise;

namespace Qdcnn.Training.Tests.Noise;

public class NoiseStudyTests
{
    [Fact]
    public void NoNoiseAndNoShotsGiveThePlainEvaluationAccuracy()
    {
        var (trained, test) = NoiseTestModels.Build("msff-qconv");
        using var _ = trained;
        using var __ = test;
        var plain = Evaluator.Evaluate(trained.Model, test);
        var study = NoiseStudy.Run(trained, test, new NoiseStudyOptions { Depolarizing = [0, 0.05], Shots = [0, 512], Seeds = [1, 2] });

        Assert.Equal(plain.Accuracy, study.ExactAccuracy);
        var cell = study.Cells.Single(c => c.Depolarizing == 0 && c.Shots == 0);
        Assert.Equal(plain.Accuracy, cell.Accuracy!.Mean);
        Assert.Single(cell.Accuracies); // deterministic: run once
        Assert.Equal(4, study.Cells.Count);
        Assert.Equal(2, study.Cells.Single(c => c.Depolarizing == 0.05 && c.Shots == 512).Accuracies.Count);
        Assert.Equal("density matrix", study.Method);
    }

    [Fact]
    public void TheReportWritesTableJsonAndPngTogether()
    {
        var (trained, test) = NoiseTestModels.Build("msff-qdconv", testSize: 8);
        using var _ = trained;
        using var __ = test;
        var study = NoiseStudy.Run(trained, test, new NoiseStudyOptions { Depolarizing = [0, 0.01], Shots = [0, 128], Seeds = [1] });
        using var folder = new TempFolder();
        NoiseStudyReport.Write(study, folder["out"], "ckpt", "data");

        string table = File.ReadAllText(Path.Combine(folder["out"], NoiseStudyReport.TableFile));
        Assert.Contains("| depolarizing p | exact expectations | 128 shots |", table);
        Assert.Contains("| 0.01 | ", table);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder["out"], NoiseStudyReport.JsonFile)))!;
        Assert.Equal(4, json["cells"]!.AsArray().Count);
        Assert.Equal("msff-qdconv", (string?)json["model"]);
        byte[] png = File.ReadAllBytes(Path.Combine(folder["out"], NoiseStudyReport.PlotFile));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Throws<IOException>(() => NoiseStudyReport.Write(study, folder["out"], "ckpt", "data"));
    }

    [Fact]
    public void ShotCellsOfModelsMeasuringXOrYGetFiniteShotAccuracies()
    {
        // qdcnn-full measures X0, X1, Z0Z1, ...: its shots are sampled in the X basis natively.
        var (trained, test) = NoiseTestModels.Build("qdcnn-full", testSize: 6);
        using var _ = trained;
        using var __ = test;
        var options = new NoiseStudyOptions { Depolarizing = [0, 0.01], Shots = [0, 64], Seeds = [1, 2], Trajectories = 2,
            Method = Qdcnn.Quantum.NoiseMethod.Trajectories }; // its fusion register is large: the density matrix would be slow
        var study = NoiseStudy.Run(trained, test, options);

        Assert.All(study.Cells, c =>
        {
            Assert.Null(c.Unsupported);
            Assert.NotNull(c.Accuracy);
            Assert.InRange(c.Accuracy!.Mean, 0, 1);
        });
        Assert.All(study.Cells.Where(c => c.Shots == 64), c => Assert.Equal(2, c.Accuracies.Count));
        Assert.DoesNotContain("n/a", NoiseStudyReport.Table(study));
        // Seeded: the same grid gives the same shot accuracies.
        var again = NoiseStudy.Run(trained, test, options);
        Assert.Equal(study.Cells.Select(c => c.Accuracies.ToArray()), again.Cells.Select(c => c.Accuracies.ToArray()));
    }

    [Fact]
    public void InvalidGridsAndClassicalModelsAreClearErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => new NoiseStudyOptions { Depolarizing = [0, 1.5] }.Validate());
        Assert.Contains("depolarizing: 1.5 is not a probability", e.Message);
        Assert.Throws<ArgumentException>(() => new NoiseStudyOptions { Readout = -0.1 }.Validate());
        Assert.Throws<ArgumentException>(() => new NoiseStudyOptions { Shots = [-1] }.Validate());
        Assert.Throws<ArgumentException>(() => new NoiseStudyOptions { Seeds = [] }.Validate());

        var (trained, test) = NoiseTestModels.Build("msff-dconv", testSize: 4);
        using var _ = trained;
        using var __ = test;
        var classical = Assert.Throws<ArgumentException>(() => NoiseStudy.Run(trained, test, new NoiseStudyOptions()));
        Assert.Contains("classical", classical.Message);
    }
}
