using Qdcnn.Text.Data;

namespace Qdcnn.Text.Tests.Data;

public class CorpusGeneratorTests
{
    [Fact]
    public void SameSeedSameCorpusOtherSeedOtherCorpus()
    {
        var a = CorpusGenerator.Generate(new CorpusOptions { Seed = 3, LabelNoise = 0.1 });
        var b = CorpusGenerator.Generate(new CorpusOptions { Seed = 3, LabelNoise = 0.1 });
        var c = CorpusGenerator.Generate(new CorpusOptions { Seed = 4, LabelNoise = 0.1 });
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Dev!, b.Dev!);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Train.Select(s => s.Text), c.Train.Select(s => s.Text));
    }

    [Theory]
    [InlineData(2, 101, 0, 51)]
    [InlineData(3, 90, 30, 31)]
    public void SplitsHaveTheAskedSizesAndBalancedClassesWithoutNoise(int topics, int train, int dev, int test)
    {
        var splits = CorpusGenerator.Generate(new CorpusOptions { TopicCount = topics, TrainSize = train, DevSize = dev, TestSize = test, Seed = 9 });
        Assert.Equal(topics, splits.Labels.Count);
        Assert.Equal(train, splits.Train.Count);
        Assert.Equal(test, splits.Test.Count);
        Assert.Equal(dev == 0 ? null : dev, splits.Dev?.Count);
        foreach (var split in new[] { splits.Train, splits.Dev, splits.Test }.OfType<IReadOnlyList<LabeledSentence>>())
        {
            var counts = split.GroupBy(s => s.Label).Select(g => g.Count()).ToList();
            Assert.Equal(topics, counts.Count);
            Assert.True(counts.Max() - counts.Min() <= 1, $"class counts {string.Join(",", counts)}");
        }
    }

    [Fact]
    public void NoSentenceRepeatsAcrossSplitsAndVocabularyFitsSixQubits()
    {
        var splits = CorpusGenerator.Generate(new CorpusOptions { TopicCount = 3, TrainSize = 600, DevSize = 150, TestSize = 300 });
        var all = splits.Train.Concat(splits.Dev!).Concat(splits.Test).Select(s => s.Text).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        var pipeline = TextPipeline.Fit(splits.Train.Select(s => s.Text));
        Assert.True(pipeline.VocabularySize <= 64, $"vocabulary size {pipeline.VocabularySize}");
        Assert.True(all.Max(t => new Tokenizer().Tokenize(t).Count) <= 5);
    }

    [Fact]
    public void LabelNoiseFlipsExactlyTheAskedShareOfTrainAndDevOnly()
    {
        var clean = CorpusGenerator.Generate(new CorpusOptions { Seed = 11 });
        var noisy = CorpusGenerator.Generate(new CorpusOptions { Seed = 11, LabelNoise = 0.2 });
        // Same topics drawn, so the texts match; the labels differ in exactly 20 % of train and dev rows.
        Assert.Equal(clean.Train.Select(s => s.Text), noisy.Train.Select(s => s.Text));
        Assert.Equal(40, clean.Train.Zip(noisy.Train).Count(p => p.First.Label != p.Second.Label));
        Assert.Equal(clean.Dev!.Select(s => s.Text), noisy.Dev!.Select(s => s.Text));
        Assert.Equal(12, clean.Dev!.Zip(noisy.Dev!).Count(p => p.First.Label != p.Second.Label));
        Assert.Equal(clean.Test.Select(s => s.Label), noisy.Test.Select(s => s.Label));
    }

    [Fact]
    public void TaskIsLearnableByASimpleModel()
    {
        // Multinomial naive Bayes on tokens, trained on the noisy train split, scored on the clean test split.
        var splits = CorpusGenerator.Generate(new CorpusOptions { Seed = 2, LabelNoise = 0.1 });
        var tokenizer = new Tokenizer();
        var vocabulary = splits.Train.SelectMany(s => tokenizer.Tokenize(s.Text)).ToHashSet();
        var counts = splits.Labels.Labels.ToDictionary(l => l, _ => new Dictionary<string, int>());
        foreach (var s in splits.Train)
        {
            foreach (var t in tokenizer.Tokenize(s.Text))
            {
                counts[s.Label][t] = counts[s.Label].GetValueOrDefault(t) + 1;
            }
        }
        double Score(string label, string text)
        {
            var total = counts[label].Values.Sum() + vocabulary.Count;
            return tokenizer.Tokenize(text).Sum(t => Math.Log((counts[label].GetValueOrDefault(t) + 1.0) / total));
        }
        var correct = splits.Test.Count(s => splits.Labels.Labels.MaxBy(l => Score(l, s.Text)) == s.Label);
        Assert.True(correct >= 0.9 * splits.Test.Count, $"{correct}/{splits.Test.Count}");
    }

    [Fact]
    public void RejectsInvalidOptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Generate(new CorpusOptions { LabelNoise = 0.6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Generate(new CorpusOptions { TopicCount = 4 }));
        Assert.Throws<ArgumentException>(() => CorpusGenerator.Generate(new CorpusOptions { TrainSize = 100_000 }));
    }
}
