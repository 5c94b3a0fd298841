using Qdcnn.Text.Data;

namespace Qdcnn.Training.Tests;

/// <summary>Model selection uses validation data only; the test set cannot change what is selected.</summary>
public class SelectionProtocolTests
{
    private static DatasetSplits WithInvertedTestLabels(DatasetSplits splits)
    {
        var labels = splits.Labels;
        var inverted = splits.Test.Select(s => s with { Label = labels.LabelOf(1 - labels.IndexOf(s.Label)) }).ToList();
        return new DatasetSplits(splits.Train, splits.Dev, inverted);
    }

    [Fact]
    public void AnAdversarialTestSetDoesNotChangeTheSelectedEpochOrWeights()
    {
        // Noisy labels and a high learning rate make validation accuracy move between epochs.
        var splits = CorpusGenerator.Generate(new CorpusOptions { TrainSize = 40, DevSize = 16, TestSize = 30, LabelNoise = 0.2, Seed = 3 });
        var adversarial = WithInvertedTestLabels(splits);
        var settings = TinyData.Settings("msff-dconv", epochs: 6, paperProtocol: true, lr: 0.2);

        using var honest = Experiment.Run(splits, settings, seed: 5);
        using var attacked = Experiment.Run(adversarial, settings, seed: 5);

        // The inverted test set would pick another epoch under best-on-test selection ...
        Assert.NotEqual(honest.PaperProtocolBestEpoch, attacked.PaperProtocolBestEpoch);
        // ... but selection on validation does not move.
        Assert.Equal(honest.SelectedEpoch, attacked.SelectedEpoch);
        Assert.Equal(honest.Epochs.Select(e => e.ValidationAccuracy), attacked.Epochs.Select(e => e.ValidationAccuracy));
        var a = Trainer.Snapshot(honest.Trained.Model);
        var b = Trainer.Snapshot(attacked.Trained.Model);
        foreach (var (name, tensor) in a)
            Assert.Equal(tensor.data<double>().ToArray(), b[name].data<double>().ToArray());
        // Inverted labels: every test prediction counts the other way round.
        Assert.Equal(honest.SelectedTest.Correct, attacked.SelectedTest.Count - attacked.SelectedTest.Correct);
        // The paper protocol saw the test set, so its figures are the only ones that may differ.
        Assert.NotNull(honest.PaperProtocolBestTestAccuracy);
        Assert.All(honest.Epochs, e => Assert.NotNull(e.PaperProtocolTestAccuracy));
        foreach (var t in a.Values.Concat(b.Values)) t.Dispose();
    }

    [Fact]
    public void WithoutThePaperProtocolNoEpochIsScoredOnTest()
    {
        using var run = Experiment.Run(TinyData.Corpus(), TinyData.Settings("logreg", epochs: 3), seed: 1);
        Assert.All(run.Epochs, e => Assert.Null(e.PaperProtocolTestAccuracy));
        Assert.Null(run.PaperProtocolBestTestAccuracy);
        Assert.Null(run.PaperProtocolBestEpoch);
        Assert.Equal("dev split", run.ValidationSource);
    }

    [Fact]
    public void WithoutDevAStratifiedPartOfTrainValidatesAndThePipelineSeesOnlyTheRest()
    {
        var corpus = TinyData.Corpus(train: 50, dev: 0, test: 20);
        var test = corpus.Test.Append(new LabeledSentence("man_N cooks_TV zzzunseen_N", corpus.Test[0].Label, "t", 99)).ToList();
        var splits = new DatasetSplits(corpus.Train, null, test);

        using var run = Experiment.Run(splits, TinyData.Settings("logreg", epochs: 2), seed: 4);

        Assert.StartsWith("stratified 20", run.ValidationSource);
        Assert.False(run.Trained.Pipeline.Vocabulary.Contains("zzzunseen_N"));
        var heldOut = StratifiedSplitter.Split(corpus.Train, 0.2, 4).HeldOut;
        var onlyInValidation = heldOut.SelectMany(s => run.Trained.Pipeline.Tokenize(s.Text))
            .Except(StratifiedSplitter.Split(corpus.Train, 0.2, 4).Kept.SelectMany(s => run.Trained.Pipeline.Tokenize(s.Text)))
            .ToList();
        Assert.All(onlyInValidation, token => Assert.False(run.Trained.Pipeline.Vocabulary.Contains(token)));
    }

    [Fact]
    public void LastEpochAndSelectedModelAreBothReported()
    {
        using var run = Experiment.Run(TinyData.Corpus(), TinyData.Settings("logreg", epochs: 4), seed: 2);
        Assert.Equal(40, run.SelectedTest.Count);
        Assert.Equal(40, run.LastEpochTest.Count);
        Assert.Equal(4, run.Epochs.Count);
        if (run.SelectedEpoch == 4) Assert.Equal(run.LastEpochTest.Correct, run.SelectedTest.Correct);
    }
}
