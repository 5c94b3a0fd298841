using Qdcnn.Models;
using Qdcnn.Text.Data;
using TorchSharp;
using Xunit.Abstractions;

namespace Qdcnn.Training.Tests.Reliability;

/// <summary>
/// The training loop disposes every tensor it creates deterministically: the number of tensors created
/// and not yet disposed on the training thread stays constant from epoch to epoch. TorchSharp counts
/// these per thread (<see cref="DisposeScopeManager.Statistics"/>); a tensor left to the finaliser is
/// disposed on the finaliser thread, so it stays counted here and a leak shows up as growth.
/// </summary>
public sealed class TensorLifetimeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("msff-qdconv")]
    [InlineData("msff-dconv")]
    public void LiveTensorCountDoesNotGrowOverTwentyEpochs(string model)
    {
        const int Epochs = 20, WarmUp = 3;
        var splits = TinyData.Corpus(train: 40, dev: 12, test: 12);
        var liveAfterEpoch = new long[Epochs + 1];
        var globalAfterEpoch = new long[Epochs + 1];
        var settings = TinyData.Settings(model, Epochs);

        using var run = Experiment.Run(splits, settings, seed: 5, onEpoch: metrics =>
        {
            liveAfterEpoch[metrics.Epoch] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            globalAfterEpoch[metrics.Epoch] = torch.Tensor.TotalCount;
        });

        output.WriteLine($"{model}: live tensors on the training thread after epochs {WarmUp}..{Epochs}: " +
            string.Join(' ', liveAfterEpoch[WarmUp..]));
        output.WriteLine($"process-wide Tensor.TotalCount: {string.Join(' ', globalAfterEpoch[WarmUp..])}");
        // After the first epochs (Adam's moment buffers, the best-epoch snapshot) nothing accumulates.
        Assert.All(liveAfterEpoch[WarmUp..], count => Assert.Equal(liveAfterEpoch[WarmUp], count));
        Assert.True(globalAfterEpoch[Epochs] <= globalAfterEpoch[WarmUp],
            $"process-wide tensor count grew from {globalAfterEpoch[WarmUp]} to {globalAfterEpoch[Epochs]}");
    }
}
