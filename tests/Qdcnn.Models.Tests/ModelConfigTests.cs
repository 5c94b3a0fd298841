namespace Qdcnn.Models.Tests;

public class ModelConfigTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(16, 4)]
    [InlineData(17, 5)]
    [InlineData(19, 5)]
    [InlineData(98, 7)]
    [InlineData(128, 7)]
    [InlineData(5000, 13)]
    public void NumQubits_is_ceil_log2_of_vocabulary(int vocab, int qubits) =>
        Assert.Equal(qubits, ModelConfig.QubitsFor(vocab));

    [Fact]
    public void Presets_follow_the_spec_table()
    {
        var mc = ModelConfig.Preset("MC");
        Assert.Equal((19, 5, 6, 1, false, 1, 3, 1), (mc.VocabSize, mc.NumQubits, mc.SeqLen, mc.EmbeddingLayers,
            mc.HadamardAfterEncoding, mc.ConvLayers, mc.KernelSize, mc.ConvDepth));
        var rp = ModelConfig.Preset("rp");
        Assert.Equal((98, 7, 5, 5, true, 2, 3, 2), (rp.VocabSize, rp.NumQubits, rp.SeqLen, rp.EmbeddingLayers,
            rp.HadamardAfterEncoding, rp.ConvLayers, rp.KernelSize, rp.ConvDepth));
        Assert.Equal(7, (ModelConfig.Mc with { VocabSize = 98 }).NumQubits);
    }

    [Fact]
    public void Invalid_values_are_rejected_naming_the_property()
    {
        var tooShort = ModelConfig.Rp with { SeqLen = 4 };
        var ex = Assert.Throws<ArgumentException>(tooShort.Validate);
        Assert.Contains("SeqLen", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ModelFactory.Create("logreg", ModelConfig.Mc with { NumClasses = 1 }));
        Assert.Contains("NumClasses", ex.Message);
        Assert.Throws<ArgumentException>(() => ModelConfig.Preset("sst2"));
    }

    [Fact]
    public void Factory_knows_the_classical_models_and_names_unknown_ones()
    {
        Assert.Superset(new HashSet<string> { "msff-dconv", "msff-conv", "textcnn", "logreg" }, ModelFactory.Names.ToHashSet());
        Assert.Equal(ModelFactory.Names.Count, ModelFactory.Names.Distinct().Count());
        var ex = Assert.Throws<ArgumentException>(() => ModelFactory.Create("msff-nope", ModelConfig.Mc));
        Assert.Contains("msff-dconv", ex.Message);
        using var model = ModelFactory.Create("MSFF-DConv", ModelConfig.Mc);
        Assert.Equal("msff-dconv", model.Name);
    }
}
