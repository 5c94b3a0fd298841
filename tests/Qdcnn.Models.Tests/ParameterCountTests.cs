namespace Qdcnn.Models.Tests;

/// <summary>The spec's parameter counts (MSFF-SPEC.md, "Parameter counts") must match exactly.</summary>
public class ParameterCountTests
{
    [Theory]
    [InlineData("msff-dconv", "mc", 211)]
    [InlineData("msff-dconv", "rp", 1403)]
    [InlineData("msff-conv", "mc", 287)]
    [InlineData("msff-conv", "rp", 1703)]
    public void Classical_msff_counts_match_the_spec(string model, string preset, long expected)
    {
        using var m = ModelFactory.Create(model, ModelConfig.Preset(preset));
        Assert.Equal(expected, m.ParameterCount);
    }

    [Fact]
    public void Baseline_counts_follow_their_formulas()
    {
        var config = ModelConfig.Mc;
        using var logreg = ModelFactory.Create("logreg", config);
        Assert.Equal(19L * 2 + 2, logreg.ParameterCount);

        var o = config.TextCnn;
        long convs = o.FilterWidths.Sum(w => (long)o.FiltersPerWidth * o.EmbeddingDim * w + o.FiltersPerWidth);
        long fc = (long)o.FiltersPerWidth * o.FilterWidths.Count * 2 + 2;
        using var textCnn = ModelFactory.Create("textcnn", config);
        Assert.Equal(19L * o.EmbeddingDim + convs + fc, textCnn.ParameterCount);
    }
}
