using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Fidelity;

/// <summary>
/// Test-local text pipeline following MSFF-SPEC.md, "Data pipeline", with a given vocabulary and idf table.
/// It stands in for managed/Qdcnn.Text (written in parallel); the fidelity test should switch to
/// Qdcnn.Text's Tokenizer / Vocabulary / TfIdf once that library lands.
/// </summary>
internal sealed partial class SpecTextEncoder
{
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly IReadOnlyList<double> _idf;
    private readonly int _seqLen;

    public SpecTextEncoder(IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<double> idf, int seqLen)
    {
        if (vocabulary.Count != idf.Count)
            throw new ArgumentException($"vocabulary has {vocabulary.Count} entries but idf has {idf.Count}.");
        _vocabulary = vocabulary;
        _idf = idf;
        _seqLen = seqLen;
    }

    [GeneratedRegex(@",+|;+|\.+|!+|\:+|\'+|\?+|\-+|\s+|[()]+|[\[\]]+|[{}]+|[<>]+")]
    private static partial Regex Separators();

    /// <summary>Splits on the spec's regex and drops empty strings; case and POS tags are kept.</summary>
    public static IReadOnlyList<string> Tokenize(string text) =>
        Separators().Split(text).Where(t => t.Length > 0).ToList();

    /// <summary>Ids truncated or right-padded with PAD to seq_len; unknown tokens are UNK.</summary>
    public long[] Ids(string text)
    {
        var ids = Tokenize(text).Select(t => _vocabulary.TryGetValue(t, out int id) ? id : TextBatch.UnkId).Take(_seqLen).ToList();
        while (ids.Count < _seqLen) ids.Add(TextBatch.PadId);
        return ids.ToArray();
    }

    /// <summary>
    /// TF-IDF per the spec: counts of the padded ids, count[UNK] = 1 always, count[PAD] = 0, divided by the row
    /// sum, times idf, divided by (max|·| + 1e-5), divided by (L2 norm + 1e-5).
    /// </summary>
    public double[] TfIdf(long[] ids)
    {
        var v = new double[_idf.Count];
        foreach (long id in ids) v[id] += 1;
        v[TextBatch.UnkId] = 1;
        v[TextBatch.PadId] = 0;
        double sum = v.Sum();
        for (int i = 0; i < v.Length; i++) v[i] = v[i] / sum * _idf[i];
        double max = v.Max(Math.Abs);
        for (int i = 0; i < v.Length; i++) v[i] /= max + 1e-5;
        double norm = Math.Sqrt(v.Sum(x => x * x));
        for (int i = 0; i < v.Length; i++) v[i] /= norm + 1e-5;
        return v;
    }

    /// <summary>A batch of all sentences, TF-IDF in <paramref name="dtype"/>.</summary>
    public TextBatch Encode(IReadOnlyList<string> sentences, ScalarType dtype)
    {
        var ids = sentences.Select(Ids).ToArray();
        var flatIds = ids.SelectMany(x => x).ToArray();
        var flatTfIdf = ids.SelectMany(TfIdf).ToArray();
        using var tfIdf64 = tensor(flatTfIdf, new long[] { sentences.Count, _idf.Count }, ScalarType.Float64);
        return new TextBatch(
            tensor(flatIds, new long[] { sentences.Count, _seqLen }, ScalarType.Int64),
            tfIdf64.to_type(dtype));
    }
}
