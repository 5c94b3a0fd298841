namespace Qdcnn.Text.Data;

/// <summary>Size, noise and seed of a generated corpus (see <see cref="CorpusGenerator"/>).</summary>
public sealed record CorpusOptions
{
    /// <summary>Training sentences.</summary>
    public int TrainSize { get; init; } = 200;

    /// <summary>Dev (validation) sentences; 0 for none.</summary>
    public int DevSize { get; init; } = 60;

    /// <summary>Test sentences.</summary>
    public int TestSize { get; init; } = 100;

    /// <summary>
    /// Fraction of train and dev labels replaced by a different topic, in [0, 0.5]. Exactly
    /// round(fraction × size) rows of each of those splits are flipped; test labels stay clean so that
    /// test accuracy measures the real task.
    /// </summary>
    public double LabelNoise { get; init; }

    /// <summary>Number of topics (classes): 2 (food, it) or 3 (adds sport).</summary>
    public int TopicCount { get; init; } = 2;

    /// <summary>Append POS tags to words as MC does (<c>man_N</c>); otherwise plain words.</summary>
    public bool PosTags { get; init; } = true;

    /// <summary>Seed; the same options give the same corpus.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (TrainSize < TopicCount)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainSize), TrainSize, $"TrainSize must be at least TopicCount ({TopicCount}).");
        }
        if (TestSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TestSize), TestSize, "TestSize must be at least 1.");
        }
        if (DevSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DevSize), DevSize, "DevSize must not be negative.");
        }
        if (!(LabelNoise >= 0 && LabelNoise <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(LabelNoise), LabelNoise, "LabelNoise must lie in [0, 0.5].");
        }
        if (TopicCount is < 2 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(TopicCount), TopicCount, "TopicCount must be 2 or 3.");
        }
    }
}
