namespace Qdcnn.Training.Tests;

/// <summary>The presets are the spec's hyper-parameter table (MSFF-SPEC.md).</summary>
public class PresetTests
{
    [Theory]
    [InlineData("mc", 8, 40, 6, 1, false, 1, 1)]
    [InlineData("RP", 6, 100, 5, 5, true, 2, 2)]
    public void PresetsMatchTheSpec(string name, int batch, int epochs, int seqLen, int rep, bool hadamard, int layers, int depth)
    {
        var p = TrainingPreset.Named(name);
        Assert.Equal(0.05, p.Training.LearningRate);
        Assert.Equal((0.9, 0.999, 1e-8), (p.Training.Beta1, p.Training.Beta2, p.Training.Epsilon));
        Assert.Equal(batch, p.Training.BatchSize);
        Assert.Equal(epochs, p.Training.Epochs);
        Assert.Equal(seqLen, p.Pipeline.SeqLen);
        Assert.Equal(rep, p.Model.EmbeddingLayers);
        Assert.Equal(hadamard, p.Model.HadamardAfterEncoding);
        Assert.Equal(layers, p.Model.ConvLayers);
        Assert.Equal(3, p.Model.KernelSize);
        Assert.Equal(depth, p.Model.ConvDepth);
        Assert.False(p.Training.PaperProtocol);
    }

    [Fact]
    public void ModelForTakesVocabularyClassesDtypeAndSeedFromTheRun()
    {
        var options = new TrainingOptions { Seed = 9, Dtype = TorchSharp.torch.ScalarType.Float32 };
        var config = TrainingPreset.Rp.ModelFor(41, 3, 5, options);
        Assert.Equal((41, 6, 3, 5, 9L), (config.VocabSize, config.NumQubits, config.NumClasses, config.SeqLen, config.Seed));
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, config.Dtype);
        Assert.Equal(5, config.EmbeddingLayers);
    }

    [Fact]
    public void UnknownPresetIsRejected() => Assert.Throws<ArgumentException>(() => TrainingPreset.Named("xx"));
}
