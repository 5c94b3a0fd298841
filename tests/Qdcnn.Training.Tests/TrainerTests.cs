using Qdcnn.Models;
using Qdcnn.Models.Classical;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests;

public class TrainerTests
{
    [Fact]
    public void LogisticRegressionLearnsATinyProblem()
    {
        var splits = TinyData.Corpus(train: 40, dev: 20, test: 20);
        var (pipeline, train) = TinyData.Encode(splits.Train, splits.Labels, splits.Train);
        using var _ = train;
        using var dev = EncodedDataset.From(pipeline.Encode(splits.Dev!.Select(s => s.Text).ToList()), splits.DevClasses!);
        using var model = new TfIdfLogisticRegression(TinyData.Config(pipeline));
        var options = new TrainingOptions { Epochs = 15, BatchSize = 8, LearningRate = 0.1 };

        using var fit = Trainer.Fit(model, train, dev, options);

        Assert.Equal(15, fit.Epochs.Count);
        Assert.True(fit.Epochs[^1].TrainLoss < fit.Epochs[0].TrainLoss / 2,
            $"loss {fit.Epochs[0].TrainLoss} → {fit.Epochs[^1].TrainLoss} did not halve");
        Assert.Equal(1.0, fit.Epochs[^1].TrainAccuracy);
        Assert.InRange(fit.SelectedEpoch, 1, 15);
        Assert.Equal(fit.Epochs.Max(e => e.ValidationAccuracy), fit.Epochs[fit.SelectedEpoch - 1].ValidationAccuracy);
        Assert.All(fit.Epochs, e => Assert.Null(e.PaperProtocolTestAccuracy));
    }

    [Fact]
    public void SameSeedGivesBitIdenticalTraining()
    {
        var splits = TinyData.Corpus(train: 30, dev: 10, test: 10);
        var (pipeline, train) = TinyData.Encode(splits.Train, splits.Labels, splits.Train);
        using var _ = train;
        using var dev = EncodedDataset.From(pipeline.Encode(splits.Dev!.Select(s => s.Text).ToList()), splits.DevClasses!);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 4, Seed = 7 };

        double[] Losses()
        {
            using var model = new MsffDConv(TinyData.Config(pipeline, seed: 7));
            using var fit = Trainer.Fit(model, train, dev, options);
            return fit.Epochs.Select(e => e.TrainLoss).ToArray();
        }

        Assert.Equal(Losses(), Losses());
    }

    [Fact]
    public void TrainingLeavesNoLiveTensorsBehindWhateverTheNumberOfSteps()
    {
        var splits = TinyData.Corpus(train: 30, dev: 10, test: 10);
        var (pipeline, train) = TinyData.Encode(splits.Train, splits.Labels, splits.Train);
        using var _ = train;
        using var dev = EncodedDataset.From(pipeline.Encode(splits.Dev!.Select(s => s.Text).ToList()), splits.DevClasses!);

        long Growth(int epochs)
        {
            using var model = new MsffDConv(TinyData.Config(pipeline));
            long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            using (Trainer.Fit(model, train, dev, new TrainingOptions { Epochs = epochs, BatchSize = 4 })) { }
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        }

        Assert.Equal(0, Growth(1));
        Assert.Equal(0, Growth(5)); // 5× the steps, still nothing left alive
    }

    [Fact]
    public void SelectionPrefersHigherAccuracyThenLowerLossThenEarlierEpoch()
    {
        var a = new EpochMetrics(1, 0, 0, ValidationLoss: 0.5, ValidationAccuracy: 0.8, 0);
        Assert.True(Trainer.IsBetter(a with { Epoch = 2, ValidationAccuracy = 0.9, ValidationLoss = 0.9 }, a));
        Assert.True(Trainer.IsBetter(a with { Epoch = 2, ValidationLoss = 0.4 }, a));
        Assert.False(Trainer.IsBetter(a with { Epoch = 2 }, a));
        Assert.False(Trainer.IsBetter(a with { Epoch = 2, ValidationAccuracy = 0.7, ValidationLoss = 0 }, a));
    }

    [Fact]
    public void SnapshotIsACopyAndRestoreBringsItBack()
    {
        using var model = new TfIdfLogisticRegression(ModelConfig.Mc with { VocabSize = 10 });
        var snapshot = Trainer.Snapshot(model);
        double before = model.state_dict()["linear.weight"].sum().item<double>();
        using (no_grad()) model.state_dict()["linear.weight"].add_(1.0);
        Assert.Equal(before, snapshot["linear.weight"].sum().item<double>(), 12);
        Trainer.Restore(model, snapshot);
        Assert.Equal(before, model.state_dict()["linear.weight"].sum().item<double>(), 12);
        foreach (var t in snapshot.Values) t.Dispose();
    }

    [Fact]
    public void InvalidOptionsNameTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TrainingOptions { BatchSize = 0 }.Validate());
        Assert.Contains("--batch-size", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new TrainingOptions { LearningRate = double.NaN }.Validate());
        Assert.Contains("--lr", ex.Message);
    }
}
