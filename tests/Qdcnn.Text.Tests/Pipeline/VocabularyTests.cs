namespace Qdcnn.Text.Tests.Pipeline;

public class VocabularyTests
{
    private static readonly string[][] Training =
    [
        ["b", "a", "c"],
        ["a", "d"],
        ["c", "a", "e"],
    ];

    [Fact]
    public void OrdersByFrequencyThenFirstOccurrence()
    {
        // freq: a 3, c 2, b 1, d 1, e 1; ties b,d,e keep first-occurrence order.
        var vocab = Vocabulary.Build(Training);
        Assert.Equal(["<UNK>", "<PAD>", "a", "c", "b", "d", "e"], vocab.Tokens);
        Assert.Equal(2, vocab.IdOf("a"));
        Assert.Equal(Vocabulary.UnknownId, vocab.IdOf("zzz"));
    }

    [Fact]
    public void AppliesFrequencyBoundsSizeLimitAndStopWords()
    {
        Assert.Equal(["<UNK>", "<PAD>", "a", "c"], Vocabulary.Build(Training, new VocabularyOptions { MinFrequency = 2 }).Tokens);
        Assert.Equal(["<UNK>", "<PAD>", "c", "b", "d", "e"], Vocabulary.Build(Training, new VocabularyOptions { MaxFrequency = 2 }).Tokens);
        Assert.Equal(["<UNK>", "<PAD>", "a", "c", "b"], Vocabulary.Build(Training, new VocabularyOptions { MaxSize = 5 }).Tokens);
        Assert.Equal(["<UNK>", "<PAD>", "a", "b", "d", "e"],
            Vocabulary.Build(Training, new VocabularyOptions { StopWords = new HashSet<string> { "c" } }).Tokens);
    }

    [Fact]
    public void RejectsInvalidOptions()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(Training, new VocabularyOptions { MaxSize = 2 }));
        Assert.Equal("MaxSize", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(Training, new VocabularyOptions { MinFrequency = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(Training, new VocabularyOptions { MinFrequency = 3, MaxFrequency = 2 }));
    }

    [Fact]
    public void EncodePadsTruncatesAndMapsUnseenToUnk()
    {
        var vocab = Vocabulary.Build(Training);
        Assert.Equal([2, 3, 0, 1, 1], vocab.Encode(["a", "c", "new"], 5));
        Assert.Equal([4, 2], vocab.Encode(["b", "a", "c"], 2));
        var flat = new long[3];
        vocab.Encode(["e"], flat);
        Assert.Equal([6L, 1L, 1L], flat);
    }

    [Fact]
    public void JsonRoundTripsAndMatchesTheReferenceShape()
    {
        var vocab = Vocabulary.Build(Training);
        var json = vocab.ToJson();
        Assert.Contains("\"<UNK>\": 0", json);
        Assert.Equal(vocab.Tokens, Vocabulary.FromJson(json).Tokens);
    }

    [Fact]
    public void FromMappingRejectsBadMaps()
    {
        var gap = Assert.Throws<ArgumentException>(() => Vocabulary.FromMapping(new Dictionary<string, int> { ["<UNK>"] = 0, ["<PAD>"] = 1, ["x"] = 3 }));
        Assert.Contains("'x'", gap.Message);
        var shared = Assert.Throws<ArgumentException>(() => Vocabulary.FromMapping(new Dictionary<string, int> { ["<UNK>"] = 0, ["<PAD>"] = 1, ["x"] = 1 }));
        Assert.Contains("share id 1", shared.Message);
        Assert.Throws<ArgumentException>(() => Vocabulary.FromMapping(new Dictionary<string, int> { ["<PAD>"] = 0, ["<UNK>"] = 1 }));
        Assert.Throws<FormatException>(() => Vocabulary.FromJson("{\"<UNK>\": 0, \"<PAD>\": \"one\"}"));
    }
}
