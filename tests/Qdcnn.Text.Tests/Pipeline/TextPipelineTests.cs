namespace Qdcnn.Text.Tests.Pipeline;

public class TextPipelineTests
{
    private static readonly string[] Train = ["a b.", "a c, a!"];

    [Fact]
    public void EncodeProducesFlatIdsAndTfIdfRows()
    {
        var pipeline = TextPipeline.Fit(Train, new PipelineOptions { SeqLen = 4 });
        var encoded = pipeline.Encode(["a b", "zzz c a b a"]);
        Assert.Equal(2, encoded.Count);
        Assert.Equal(5, encoded.VocabularySize);
        Assert.Equal([2L, 3L, 1L, 1L, 0L, 4L, 2L, 3L], encoded.TokenIds);
        Assert.Equal(pipeline.TfIdf.Transform([2, 3, 1, 1]), encoded.TfIdfOf(0).ToArray());
        Assert.Equal(pipeline.TfIdf.Transform([0, 4, 2, 3]), encoded.TfIdfOf(1).ToArray());
        Assert.Equal(10, encoded.TfIdf.Length);
    }

    [Fact]
    public void StopWordsAreRemovedBeforeEncodingAndLowerCasingAppliesToThem()
    {
        var pipeline = TextPipeline.Fit(["The cat", "the dog"], new PipelineOptions
        {
            SeqLen = 2,
            LowerCase = true,
            StopWords = new HashSet<string> { "THE" },
        });
        Assert.Equal(["<UNK>", "<PAD>", "cat", "dog"], pipeline.Vocabulary.Tokens);
        Assert.Equal([3L, 1L], pipeline.Encode(["THE DOG"]).TokenIds);
    }

    [Fact]
    public void SaveAndLoadRoundTripExactly()
    {
        using var temp = new TempFolder();
        var pipeline = TextPipeline.Fit(Train, new PipelineOptions { SeqLen = 3, MaxVocabularySize = 4, StopWords = new HashSet<string> { "x" } });
        var path = Path.Combine(temp.Path, "pipeline.json");
        pipeline.Save(path);
        var back = TextPipeline.Load(path);
        Assert.Equal(pipeline.Vocabulary.Tokens, back.Vocabulary.Tokens);
        Assert.Equal(pipeline.TfIdf.Idf, back.TfIdf.Idf);
        Assert.Equal(pipeline.Options.SeqLen, back.Options.SeqLen);
        Assert.Equal(pipeline.Options.MaxVocabularySize, back.Options.MaxVocabularySize);
        Assert.Equal(["x"], back.Options.StopWords);
        Assert.Equal(pipeline.Encode(["a b c d"]).TfIdf, back.Encode(["a b c d"]).TfIdf);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void LoadNamesTheFileOfAnInvalidPipeline()
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.json", "{\"format\": \"something-else\"}");
        var e = Assert.Throws<FormatException>(() => TextPipeline.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Throws<FileNotFoundException>(() => TextPipeline.Load(Path.Combine(temp.Path, "missing.json")));
    }

    [Fact]
    public void FromPartsRejectsMismatchedSizes()
    {
        var pipeline = TextPipeline.Fit(Train);
        Assert.Throws<ArgumentException>(() => TextPipeline.FromParts(new PipelineOptions(), pipeline.Vocabulary, TfIdf.FromIdf([1.0, 1.0, 2.0])));
    }
}
