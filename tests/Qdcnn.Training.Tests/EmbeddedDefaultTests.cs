namespace Qdcnn.Training.Tests;

/// <summary>The README's main job, shortened: a classical model on the embedded corpus.</summary>
public class EmbeddedDefaultTests
{
    [Theory]
    [InlineData("msff-dconv", 5)]
    [InlineData("logreg", 10)]
    public void ShortRunReachesNinetyPercentTestAccuracy(string model, int epochs)
    {
        var (splits, _) = DataSource.Load(null);
        using var run = Experiment.Run(splits, TinyData.Settings(model, epochs), seed: 1);
        Assert.True(run.SelectedTest.Accuracy >= 0.9, $"{model}: test accuracy {run.SelectedTest.Accuracy:P1} < 90 %");
        Assert.Equal(100, run.SelectedTest.Count);
    }
}
