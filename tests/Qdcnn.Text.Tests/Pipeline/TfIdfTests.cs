namespace Qdcnn.Text.Tests.Pipeline;

public class TfIdfTests
{
    // Vocabulary: UNK 0, PAD 1, a 2, b 3, c 4. Training sentences: "a b" and "a c a" (a repeats: df counts it once).
    private static readonly int[][] TrainingIds = [[2, 3], [2, 4, 2]];

    [Fact]
    public void IdfFollowsTheSpecFormulaWithPerSentenceDf()
    {
        var tfIdf = TfIdf.Fit(TrainingIds, 5);
        // N = 2; df(a) = 2 -> ln(3/3)+1 = 1; df(b) = df(c) = 1 -> ln(3/2)+1; UNK, PAD = 1.
        Assert.Equal([1.0, 1.0, 1.0, 1.4054651081081644, 1.4054651081081644], tfIdf.Idf);
    }

    [Fact]
    public void TransformMatchesHandComputation()
    {
        var tfIdf = TfIdf.Fit(TrainingIds, 5);
        // ids [a, b, PAD, PAD]: counts [UNK 1 (forced), PAD 0, 1, 1, 0] / 3 * idf, / (max + 1e-5), / (L2 + 1e-5).
        var v = tfIdf.Transform([2, 3, 1, 1]);
        AssertClose([0.5015453715779983, 0.0, 0.5015453715779983, 0.7049045198860207, 0.0], v);
    }

    [Fact]
    public void UnkCountsOnceHowEverOftenItOccurs()
    {
        var tfIdf = TfIdf.Fit(TrainingIds, 5);
        var v = tfIdf.Transform([0, 0, 4, 1]);
        AssertClose([0.5797339477838939, 0.0, 0.0, 0.0, 0.8147958355960634], v);
        // Only UNK/PAD: the vector is UNK alone, normalised: 1 / (1 + 1e-5) / (1/(1+1e-5) + 1e-5).
        var onlyPad = tfIdf.Transform([1, 1]);
        var expected = 1 / (1 + 1e-5) / (1 / (1 + 1e-5) + 1e-5);
        AssertClose([expected, 0, 0, 0, 0], onlyPad);
    }

    [Fact]
    public void LongIdsIntoSpanGiveTheSameVector()
    {
        var tfIdf = TfIdf.Fit(TrainingIds, 5);
        var destination = new double[5];
        tfIdf.Transform<long>([2L, 3L, 1L, 1L], destination);
        Assert.Equal(tfIdf.Transform([2, 3, 1, 1]), destination);
    }

    [Fact]
    public void RejectsOutOfRangeIdsAndWrongDestination()
    {
        var tfIdf = TfIdf.Fit(TrainingIds, 5);
        var e = Assert.Throws<ArgumentException>(() => tfIdf.Transform([2, 5]));
        Assert.Contains("paddedIds[1] = 5", e.Message);
        Assert.Throws<ArgumentException>(() => tfIdf.Transform<int>([2], new double[4]));
        Assert.Throws<ArgumentException>(() => TfIdf.Fit([[7]], 5));
        Assert.Throws<ArgumentException>(() => TfIdf.Fit([], 5));
    }

    [Fact]
    public void JsonRoundTripsBitExactly()
    {
        var tfIdf = TfIdf.Fit(TrainingIds, 5);
        var back = TfIdf.FromJson(tfIdf.ToJson());
        Assert.Equal(tfIdf.Idf, back.Idf);
        Assert.Throws<FormatException>(() => TfIdf.FromJson("{\"0\": 1.0, \"2\": 1.0}"));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-15, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
