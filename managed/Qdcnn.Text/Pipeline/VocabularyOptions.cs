namespace Qdcnn.Text;

/// <summary>Which training tokens enter a <see cref="Vocabulary"/>.</summary>
public sealed record VocabularyOptions
{
    /// <summary>Smallest training frequency a token needs (spec: 1).</summary>
    public int MinFrequency { get; init; } = 1;

    /// <summary>Largest training frequency a token may have (spec: 1000); more frequent tokens are dropped.</summary>
    public int MaxFrequency { get; init; } = 1000;

    /// <summary>
    /// Largest vocabulary size <em>including</em> UNK and PAD (so that it bounds the embedding's 2^n),
    /// or null for no limit. The most frequent tokens are kept. At least 3.
    /// </summary>
    public int? MaxSize { get; init; }

    /// <summary>Tokens never admitted to the vocabulary (compared ordinally).</summary>
    public IReadOnlySet<string> StopWords { get; init; } = new HashSet<string>();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (MinFrequency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinFrequency), MinFrequency, "MinFrequency must be at least 1.");
        }
        if (MaxFrequency < MinFrequency)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrequency), MaxFrequency, $"MaxFrequency must be at least MinFrequency ({MinFrequency}).");
        }
        if (MaxSize is < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSize), MaxSize, "MaxSize counts UNK and PAD and must be at least 3.");
        }
        if (StopWords is null)
        {
            throw new ArgumentNullException(nameof(StopWords));
        }
    }
}
