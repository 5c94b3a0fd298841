namespace Qdcnn.Training.Tests;

/// <summary>Scoring the authors' weights through the training stack (needs ../shared).</summary>
public class ReferenceModelsTests
{
    [SkippableTheory]
    [InlineData("MC", "msff-dconv", "mc", 30)]
    [InlineData("MC", "msff-conv", "mc", 30)]
    [InlineData("RP", "msff-dconv", "rp", 19)]
    [InlineData("RP", "msff-conv", "rp", 27)]
    [InlineData("MC", "msff-qdconv", "mc", 30)]
    [InlineData("RP", "msff-qdconv", "rp", 30)]
    public void ClassicalReferenceModelsScoreAsInTheSpec(string dataset, string model, string folder, int correct)
    {
        string checkpoint = TestPaths.RequireShared("reference/msff_reference_checkpoints.json");
        string data = TestPaths.RequireShared($"datasets/{folder}");
        using var trained = ReferenceModels.Load(checkpoint, dataset, model);
        using var set = trained.Encode(DataSource.LoadEvaluationSet(data));
        Assert.Equal(correct, Evaluator.Evaluate(trained.Model, set).Correct);
    }

    [SkippableFact]
    public void AModelWithoutReferenceLoaderIsAClearError()
    {
        string checkpoint = TestPaths.RequireShared("reference/msff_reference_checkpoints.json");
        var ex = Assert.ThrowsAny<Exception>(() => ReferenceModels.Load(checkpoint, "MC", "logreg"));
        Assert.True(ex is ArgumentException or KeyNotFoundException, ex.GetType().Name);
        Assert.Throws<ArgumentException>(() => ReferenceModels.Load(checkpoint, "XX", "msff-dconv"));
    }
}
