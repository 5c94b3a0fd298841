using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdcnn.Text;

/// <summary>
/// The MSFF spec's TF-IDF sentence vector of length V.
/// <para>
/// idf[id] = ln((N+1)/(df+1)) + 1 with N the number of training sentences and df the number of training
/// sentences that contain the id (each sentence counted once, over its whole token list before
/// truncation); UNK and PAD get idf 1. On the MC and RP training sets no token repeats within a sentence
/// and no sentence exceeds seq_len, so per-sentence df, raw token counts and counts over the padded
/// sequences all give the reference tables; per-sentence df is the standard definition (scikit-learn's
/// smooth idf) and is the one used here.
/// </para>
/// </summary>
public sealed class TfIdf
{
    /// <summary>The stabiliser the spec adds to both normalisation denominators.</summary>
    public const double Epsilon = 1e-5;

    private readonly double[] _idf;

    private TfIdf(double[] idf)
    {
        _idf = idf;
    }

    /// <summary>Vector length V (the vocabulary size, UNK and PAD included).</summary>
    public int VocabularySize => _idf.Length;

    /// <summary>The idf table indexed by id.</summary>
    public IReadOnlyList<double> Idf => _idf;

    /// <summary>Fits the idf table on the training sentences' ids (unpadded; UNK allowed).</summary>
    /// <param name="trainingSentenceIds">One id sequence per training sentence; ids in 0 … V−1.</param>
    /// <param name="vocabularySize">V, UNK and PAD included (at least 2).</param>
    /// <exception cref="ArgumentException">No sentences, or an id outside 0 … V−1.</exception>
    public static TfIdf Fit(IEnumerable<IReadOnlyList<int>> trainingSentenceIds, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(trainingSentenceIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        var df = new int[vocabularySize];
        var seenIn = new int[vocabularySize];
        Array.Fill(seenIn, -1);
        var sentenceCount = 0;
        foreach (var ids in trainingSentenceIds)
        {
            ArgumentNullException.ThrowIfNull(ids, nameof(trainingSentenceIds));
            foreach (var id in ids)
            {
                if ((uint)id >= (uint)vocabularySize)
                {
                    throw new ArgumentException($"Sentence {sentenceCount} holds id {id}, outside 0 … {vocabularySize - 1}.", nameof(trainingSentenceIds));
                }
                if (seenIn[id] != sentenceCount)
                {
                    seenIn[id] = sentenceCount;
                    df[id]++;
                }
            }
            sentenceCount++;
        }
        if (sentenceCount == 0)
        {
            throw new ArgumentException("At least one training sentence is needed.", nameof(trainingSentenceIds));
        }

        var idf = new double[vocabularySize];
        for (var id = 0; id < vocabularySize; id++)
        {
            idf[id] = Math.Log((sentenceCount + 1.0) / (df[id] + 1.0)) + 1.0;
        }
        idf[Vocabulary.UnknownId] = 1.0;
        idf[Vocabulary.PaddingId] = 1.0;
        return new TfIdf(idf);
    }

    /// <summary>Wraps an existing idf table indexed by id (e.g. from a reference checkpoint).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 entries, or an entry that is not finite and positive.</exception>
    public static TfIdf FromIdf(IReadOnlyList<double> idf)
    {
        ArgumentNullException.ThrowIfNull(idf);
        if (idf.Count < 2)
        {
            throw new ArgumentException("An idf table needs at least the UNK and PAD entries.", nameof(idf));
        }
        var copy = idf.ToArray();
        for (var id = 0; id < copy.Length; id++)
        {
            if (!double.IsFinite(copy[id]) || copy[id] <= 0)
            {
                throw new ArgumentException($"idf[{id}] = {copy[id]} must be finite and positive.", nameof(idf));
            }
        }
        return new TfIdf(copy);
    }

    /// <summary>The TF-IDF vector (length V) of one padded id sequence.</summary>
    public double[] Transform(ReadOnlySpan<int> paddedIds)
    {
        var result = new double[VocabularySize];
        Transform(paddedIds, result.AsSpan());
        return result;
    }

    /// <summary>
    /// Writes the TF-IDF vector of one padded id sequence into <paramref name="destination"/> (length V):
    /// count ids; count[UNK] = 1 always and count[PAD] = 0; divide by the row sum; multiply by idf;
    /// divide by (max|·| + 1e-5); divide by (L2 norm + 1e-5).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong destination length or an id outside 0 … V−1.</exception>
    public void Transform<TId>(ReadOnlySpan<TId> paddedIds, Span<double> destination)
        where TId : IBinaryInteger<TId>
    {
        if (destination.Length != VocabularySize)
        {
            throw new ArgumentException($"Destination has length {destination.Length}; the vocabulary size is {VocabularySize}.", nameof(destination));
        }
        destination.Clear();
        for (var i = 0; i < paddedIds.Length; i++)
        {
            var id = long.CreateTruncating(paddedIds[i]);
            if ((ulong)id >= (ulong)VocabularySize)
            {
                throw new ArgumentException($"paddedIds[{i}] = {id} is outside 0 … {VocabularySize - 1}.", nameof(paddedIds));
            }
            destination[(int)id] += 1.0;
        }
        // The spec's rule: UNK always counts once (so the row sum is never zero), PAD never counts.
        destination[Vocabulary.UnknownId] = 1.0;
        destination[Vocabulary.PaddingId] = 0.0;

        var sum = 0.0;
        foreach (var c in destination)
        {
            sum += c;
        }
        var maxAbs = 0.0;
        for (var id = 0; id < destination.Length; id++)
        {
            destination[id] = destination[id] / sum * _idf[id];
            maxAbs = Math.Max(maxAbs, Math.Abs(destination[id]));
        }
        var sumSquares = 0.0;
        for (var id = 0; id < destination.Length; id++)
        {
            destination[id] /= maxAbs + Epsilon;
            sumSquares += destination[id] * destination[id];
        }
        var l2 = Math.Sqrt(sumSquares);
        for (var id = 0; id < destination.Length; id++)
        {
            destination[id] /= l2 + Epsilon;
        }
    }

    /// <summary>The idf table as a JSON object id (as a string) → idf, the reference checkpoints' shape.</summary>
    public JsonObject ToJsonNode()
    {
        var node = new JsonObject();
        for (var id = 0; id < _idf.Length; id++)
        {
            node[id.ToString(CultureInfo.InvariantCulture)] = _idf[id];
        }
        return node;
    }

    /// <summary>Serialises the idf table (full double precision) as a JSON object id → idf.</summary>
    public string ToJson() => ToJsonNode().ToJsonString(JsonFormatting.Options);

    /// <summary>Reads an idf table written by <see cref="ToJson"/> or found in the reference checkpoints.</summary>
    /// <exception cref="FormatException">Malformed JSON, a missing id, or a non-numeric entry.</exception>
    public static TfIdf FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return FromJsonNode(JsonNode.Parse(json));
        }
        catch (JsonException e)
        {
            throw new FormatException($"idf JSON is malformed: {e.Message}", e);
        }
    }

    /// <summary>Reads an idf table from a JSON object id (as a string) → idf; ids must be 0 … V−1.</summary>
    /// <exception cref="FormatException">A missing id, a non-numeric entry, or an invalid table.</exception>
    public static TfIdf FromJsonNode(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw new FormatException("idf JSON must be an object mapping id to idf.");
        }
        var idf = new double[obj.Count];
        var filled = new bool[obj.Count];
        foreach (var (key, value) in obj)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= idf.Length)
            {
                throw new FormatException($"idf key '{key}' must be an id in 0 … {idf.Length - 1}.");
            }
            if (value is not JsonValue v || !v.TryGetValue<double>(out var x))
            {
                throw new FormatException($"idf entry '{key}' must be a number.");
            }
            if (filled[id])
            {
                throw new FormatException($"idf id {id} appears twice.");
            }
            idf[id] = x;
            filled[id] = true;
        }
        try
        {
            return FromIdf(idf);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"idf table is invalid: {e.Message}", e);
        }
    }
}
