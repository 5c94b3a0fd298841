using System.Text.Json.Nodes;

namespace Qdcnn.Training.Tests;

public class ReportTests
{
    [Fact]
    public void MeanAndSampleStandardDeviation()
    {
        var s = MeanStd.Of([0.9, 1.0, 0.8]);
        Assert.Equal(0.9, s.Mean, 12);
        Assert.Equal(0.1, s.Std, 12);
        Assert.Equal(0, MeanStd.Of([0.7]).Std);
        Assert.Equal("90.00 ± 10.00 %", s.ToPercentString());
    }

    [Fact]
    public void ReportAndCurvesOfAPaperProtocolRunAreLabelled()
    {
        using var folder = new TempFolder();
        var settings = TinyData.Settings("logreg", epochs: 3, paperProtocol: true);
        using var a = Experiment.Run(TinyData.Corpus(), settings, seed: 1);
        using var b = Experiment.Run(TinyData.Corpus(), settings, seed: 2);

        var report = TrainingReport.From(settings, "tiny", [a, b]);
        var json = JsonNode.Parse(report.ToJson())!;
        Assert.Equal(Experiment.PaperProtocolLabel, (string?)json["paperProtocolLabel"]);
        Assert.Equal(Experiment.PaperProtocolLabel, (string?)json["summary"]!["paperProtocolLabel"]);
        Assert.Equal(2, json["runs"]!.AsArray().Count);
        Assert.Equal(3, json["runs"]![0]!["epochs"]!.AsArray().Count);
        Assert.NotNull(json["runs"]![0]!["paperProtocolBestTestAccuracy"]);
        Assert.Equal(2, (int)json["summary"]!["seeds"]!);

        string png = folder["curves.png"];
        LearningCurvePlot.Save(png, "t", [a.Epochs, b.Epochs], [a.SelectedEpoch, b.SelectedEpoch]);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Single(Directory.GetFiles(folder.Path)); // no temporary file left
    }

    [Fact]
    public void WithoutThePaperProtocolTheReportHasNoBestOnTestFigure()
    {
        var settings = TinyData.Settings("logreg", epochs: 2);
        using var a = Experiment.Run(TinyData.Corpus(), settings, seed: 1);
        var json = TrainingReport.From(settings, "tiny", [a]).ToJson();
        Assert.DoesNotContain("paperProtocolBest", json);
        Assert.DoesNotContain("best-on-test", json);
    }
}
