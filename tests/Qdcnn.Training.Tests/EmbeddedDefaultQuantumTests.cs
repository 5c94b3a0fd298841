namespace Qdcnn.Training.Tests;

/// <summary>
/// The README's main job as the CLI runs it without <c>--data</c>: msff-qdconv on the embedded generated corpus
/// with the default preset for that corpus (<see cref="TrainingPreset.Embedded"/>), epoch selected on the dev split.
/// </summary>
public class EmbeddedDefaultQuantumTests
{
    [Fact]
    public void WithoutDataTheDefaultPresetIsTheEmbeddedOneAndWithDataItIsMc()
    {
        Assert.Same(TrainingPreset.Embedded, TrainingPreset.DefaultFor(null));
        Assert.Same(TrainingPreset.Embedded, TrainingPreset.DefaultFor(" "));
        Assert.Same(TrainingPreset.Mc, TrainingPreset.DefaultFor("some/folder"));
        Assert.Same(TrainingPreset.Embedded, TrainingPreset.Named("EMBEDDED"));
        Assert.Contains("embedded", TrainingPreset.Names);
    }

    [Fact]
    public void EmbeddedPresetHasTheDevSelectedHyperParameters()
    {
        var p = TrainingPreset.Embedded;
        Assert.Equal((0.05, 8, 30), (p.Training.LearningRate, p.Training.BatchSize, p.Training.Epochs));
        Assert.Equal((0.9, 0.999, 1e-8), (p.Training.Beta1, p.Training.Beta2, p.Training.Epsilon));
        Assert.Equal(6, p.Pipeline.SeqLen);
        Assert.Equal((5, false, 2, 3, 2), (p.Model.EmbeddingLayers, p.Model.HadamardAfterEncoding, p.Model.ConvLayers, p.Model.KernelSize, p.Model.ConvDepth));
        Assert.False(p.Training.PaperProtocol);
    }

    [Fact]
    public void MsffQDConvReachesNinetyPercentTestAccuracyWithTheDefaultPreset()
    {
        var (splits, _) = DataSource.Load(null);
        var settings = ExperimentSettings.FromPreset("msff-qdconv", TrainingPreset.DefaultFor(null));
        using var run = Experiment.Run(splits, settings, seed: 1);

        Assert.Equal("dev split", run.ValidationSource);
        Assert.Equal(30, run.Epochs.Count);
        Assert.Equal(100, run.SelectedTest.Count);
        // 2·rep·n + L·3·depth + n + 1 with n = 6 qubits (41 vocabulary ids): 60 + 12 + 7.
        Assert.Equal(79L, run.Trained.Model.ParameterCount);
        Assert.True(run.SelectedTest.Accuracy >= 0.9,
            $"msff-qdconv: test accuracy {run.SelectedTest.Accuracy:P1} of the dev-selected epoch {run.SelectedEpoch} is below 90 %");
    }
}
