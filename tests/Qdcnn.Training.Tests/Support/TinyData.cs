using Qdcnn.Models;
using Qdcnn.Text;
using Qdcnn.Text.Data;
using Qdcnn.Training;

namespace Qdcnn.Training.Tests;

/// <summary>Small datasets and settings that keep the torch tests fast.</summary>
internal static class TinyData
{
    /// <summary>A small generated corpus with a dev split.</summary>
    public static DatasetSplits Corpus(int train = 60, int dev = 20, int test = 40, int seed = 1) =>
        CorpusGenerator.Generate(new CorpusOptions { TrainSize = train, DevSize = dev, TestSize = test, Seed = seed });

    /// <summary>The MC preset with a short schedule.</summary>
    public static ExperimentSettings Settings(string model, int epochs, bool paperProtocol = false, double lr = 0.05) =>
        new(model, TrainingPreset.Mc, TrainingPreset.Mc.Training with { Epochs = epochs, PaperProtocol = paperProtocol, LearningRate = lr },
            TrainingPreset.Mc.Pipeline);

    /// <summary>Encodes a split with a pipeline fitted on <paramref name="fitOn"/>.</summary>
    public static (TextPipeline Pipeline, EncodedDataset Data) Encode(IReadOnlyList<LabeledSentence> fitOn, LabelMap labels,
        IReadOnlyList<LabeledSentence> sentences)
    {
        var pipeline = TextPipeline.Fit(fitOn.Select(s => s.Text), PipelineOptions.Mc);
        var data = EncodedDataset.From(pipeline.Encode(sentences.Select(s => s.Text).ToList()), labels.Encode(sentences));
        return (pipeline, data);
    }

    /// <summary>A logistic-regression config for a pipeline.</summary>
    public static ModelConfig Config(TextPipeline pipeline, long seed = 1) =>
        ModelConfig.Mc with { VocabSize = pipeline.VocabularySize, SeqLen = pipeline.SequenceLength, Seed = seed };
}
