namespace Qdcnn.Text;

/// <summary>
/// Sentences encoded by a <see cref="TextPipeline"/>, in flat row-major arrays ready to become tensors
/// without per-element copies: token ids [Count × SequenceLength] and TF-IDF [Count × VocabularySize].
/// </summary>
public sealed class EncodedText
{
    /// <summary>Wraps already-encoded arrays; their lengths must match the shape.</summary>
    /// <exception cref="ArgumentException">An array length does not match count × width.</exception>
    public EncodedText(int count, int sequenceLength, int vocabularySize, long[] tokenIds, double[] tfIdf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentNullException.ThrowIfNull(tokenIds);
        ArgumentNullException.ThrowIfNull(tfIdf);
        if (tokenIds.LongLength != (long)count * sequenceLength)
        {
            throw new ArgumentException($"tokenIds has {tokenIds.LongLength} elements; expected {count} × {sequenceLength}.", nameof(tokenIds));
        }
        if (tfIdf.LongLength != (long)count * vocabularySize)
        {
            throw new ArgumentException($"tfIdf has {tfIdf.LongLength} elements; expected {count} × {vocabularySize}.", nameof(tfIdf));
        }
        Count = count;
        SequenceLength = sequenceLength;
        VocabularySize = vocabularySize;
        TokenIds = tokenIds;
        TfIdf = tfIdf;
    }

    /// <summary>Number of sentences (rows).</summary>
    public int Count { get; }

    /// <summary>Token ids per sentence (seq_len).</summary>
    public int SequenceLength { get; }

    /// <summary>TF-IDF vector length V (UNK and PAD included).</summary>
    public int VocabularySize { get; }

    /// <summary>Token ids, row-major [Count × SequenceLength] (int64, as embedding lookups want).</summary>
    public long[] TokenIds { get; }

    /// <summary>TF-IDF vectors, row-major [Count × VocabularySize].</summary>
    public double[] TfIdf { get; }

    /// <summary>The token ids of sentence <paramref name="index"/>.</summary>
    public ReadOnlySpan<long> TokenIdsOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return TokenIds.AsSpan(index * SequenceLength, SequenceLength);
    }

    /// <summary>The TF-IDF vector of sentence <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> TfIdfOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return TfIdf.AsSpan(index * VocabularySize, VocabularySize);
    }
}
