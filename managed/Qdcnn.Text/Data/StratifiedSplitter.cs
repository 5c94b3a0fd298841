namespace Qdcnn.Text.Data;

/// <summary>Deterministic stratified hold-out: the same fraction of every class is held out.</summary>
public static class StratifiedSplitter
{
    /// <summary>
    /// Splits <paramref name="sentences"/> into kept and held-out parts. Per class,
    /// round(fraction × class size) sentences are held out (at least one when the class has two or more),
    /// chosen by a seeded shuffle. Both parts keep the input order.
    /// </summary>
    /// <param name="sentences">The sentences to split.</param>
    /// <param name="heldOutFraction">Fraction to hold out, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle; the same seed gives the same split.</param>
    public static (IReadOnlyList<LabeledSentence> Kept, IReadOnlyList<LabeledSentence> HeldOut) Split(
        IReadOnlyList<LabeledSentence> sentences, double heldOutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (!(heldOutFraction > 0 && heldOutFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "The held-out fraction must lie strictly between 0 and 1.");
        }
        var random = new Random(seed);
        var heldOut = new bool[sentences.Count];
        // Classes in order of first appearance, so the result depends only on the data and the seed.
        foreach (var group in Enumerable.Range(0, sentences.Count).GroupBy(i => sentences[i].Label, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var take = (int)Math.Round(heldOutFraction * members.Length, MidpointRounding.AwayFromZero);
            if (members.Length >= 2)
            {
                take = Math.Clamp(take, 1, members.Length - 1);
            }
            foreach (var i in members.Take(take))
            {
                heldOut[i] = true;
            }
        }
        var kept = new List<LabeledSentence>();
        var held = new List<LabeledSentence>();
        for (var i = 0; i < sentences.Count; i++)
        {
            (heldOut[i] ? held : kept).Add(sentences[i]);
        }
        return (kept, held);
    }

    /// <summary>
    /// Turns one labelled set into train/dev/test splits: first <paramref name="testFraction"/> is held out
    /// as test, then <paramref name="devFraction"/> of the rest as dev (no dev when it is 0).
    /// </summary>
    public static DatasetSplits ToSplits(IReadOnlyList<LabeledSentence> sentences, double testFraction, double devFraction, int seed)
    {
        var (rest, test) = Split(sentences, testFraction, seed);
        if (devFraction == 0)
        {
            return new DatasetSplits(rest, null, test);
        }
        var (train, dev) = Split(rest, devFraction, unchecked(seed * 31 + 17));
        return new DatasetSplits(train, dev, test);
    }
}
