namespace Qdcnn.Text;

/// <summary>Settings of a <see cref="TextPipeline"/>; the defaults are the MSFF spec's (MC sequence length).</summary>
public sealed record PipelineOptions
{
    /// <summary>Sequence length: token ids are truncated or right-padded with PAD to it (spec: MC 6, RP 5).</summary>
    public int SeqLen { get; init; } = 6;

    /// <summary>Lower-case tokens (and stop words) before anything else. The spec does not.</summary>
    public bool LowerCase { get; init; }

    /// <summary>Smallest training frequency for a vocabulary token (spec: 1).</summary>
    public int MinFrequency { get; init; } = 1;

    /// <summary>Largest training frequency for a vocabulary token (spec: 1000).</summary>
    public int MaxFrequency { get; init; } = 1000;

    /// <summary>Largest vocabulary size including UNK and PAD, or null for no limit.</summary>
    public int? MaxVocabularySize { get; init; }

    /// <summary>
    /// Words removed from every token sequence (training and encoding) before the vocabulary sees them,
    /// so they take no sequence position. Empty by default, as in the spec. See <see cref="Text.StopWords.Load"/>.
    /// </summary>
    public IReadOnlySet<string> StopWords { get; init; } = new HashSet<string>();

    /// <summary>The spec's MC settings (seq_len 6).</summary>
    public static PipelineOptions Mc => new() { SeqLen = 6 };

    /// <summary>The spec's RP settings (seq_len 5).</summary>
    public static PipelineOptions Rp => new() { SeqLen = 5 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (SeqLen < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SeqLen), SeqLen, "SeqLen must be at least 1.");
        }
        ToVocabularyOptions().Validate();
    }

    /// <summary>The vocabulary part of these options (stop words lower-cased when <see cref="LowerCase"/>).</summary>
    public VocabularyOptions ToVocabularyOptions() => new()
    {
        MinFrequency = MinFrequency,
        MaxFrequency = MaxFrequency,
        MaxSize = MaxVocabularySize,
        StopWords = EffectiveStopWords(),
    };

    /// <summary>The stop words as compared with tokens: lower-cased when <see cref="LowerCase"/> is set.</summary>
    public IReadOnlySet<string> EffectiveStopWords()
    {
        ArgumentNullException.ThrowIfNull(StopWords, nameof(StopWords));
        return LowerCase
            ? StopWords.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : StopWords;
    }
}
