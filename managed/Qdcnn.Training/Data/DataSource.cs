using Qdcnn.Text.Data;

namespace Qdcnn.Training;

/// <summary>
/// Where sentences come from, as the CLI's <c>--data</c> names it: nothing (the embedded generated
/// corpus), <c>uci-sentences</c> (the fetched UCI set in the cache), a folder (train/dev/test files, or a
/// folder holding the three UCI files), or one file (split stratified 80/20 into train and test).
/// </summary>
public static class DataSource
{
    /// <summary>The name that selects the cached UCI Sentiment Labelled Sentences.</summary>
    public const string UciName = "uci-sentences";

    /// <summary>Seed of the stratified splits made for single files and the UCI set (fixed, so every run sees the same test set).</summary>
    public const int SplitSeed = 1;

    /// <summary>Fraction held out as test when a single file or the UCI set is split.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The embedded corpus's default options (200 train, 60 dev, 100 test, two topics, seed 1).</summary>
    public static CorpusOptions EmbeddedDefault { get; } = new();

    /// <summary>Loads the splits <paramref name="data"/> names and a one-line description of them.</summary>
    /// <param name="data">Null/empty, <c>uci-sentences</c>, a folder or a file.</param>
    /// <param name="uciCacheDirectory">Where the UCI files are cached; null = the default cache folder.</param>
    /// <exception cref="DatasetException">Missing or malformed data (names file and line).</exception>
    public static (DatasetSplits Splits, string Description) Load(string? data, string? uciCacheDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(data))
            return (CorpusGenerator.Generate(EmbeddedDefault), "embedded generated corpus (200 train / 60 dev / 100 test, seed 1)");
        if (string.Equals(data, UciName, StringComparison.OrdinalIgnoreCase))
        {
            string cache = uciCacheDirectory ?? UciSentences.DefaultCacheDirectory();
            if (!UciSentences.IsComplete(cache))
                throw new DatasetException(cache, null, $"the UCI sentences are not cached here; run 'qdcnn data fetch {UciName}' first.");
            return (UciSentences.LoadSplits(cache, SplitSeed, TestFraction, devFraction: 0.1), $"UCI sentiment sentences ({cache})");
        }
        if (Directory.Exists(data))
        {
            if (UciSentences.IsComplete(data))
                return (UciSentences.LoadSplits(data, SplitSeed, TestFraction, devFraction: 0.1), $"UCI sentiment sentences ({data})");
            return (DatasetLoader.LoadFolder(data), $"folder {data}");
        }
        if (File.Exists(data))
        {
            var sentences = DatasetLoader.LoadFile(data);
            if (sentences.Count < 4)
                throw new DatasetException(data, null, $"only {sentences.Count} labelled rows; a single file is split into train and test and needs at least 4.");
            return (StratifiedSplitter.ToSplits(sentences, TestFraction, 0, SplitSeed),
                $"file {data} (stratified {1 - TestFraction:P0} train / {TestFraction:P0} test, seed {SplitSeed})");
        }
        throw new DatasetException(data, null, $"no such file or folder (and not '{UciName}').");
    }

    /// <summary>
    /// The sentences to evaluate on from <paramref name="data"/>: a folder's test split (or the UCI set's
    /// test split), or every row of a file.
    /// </summary>
    public static IReadOnlyList<LabeledSentence> LoadEvaluationSet(string data, string? uciCacheDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(data);
        if (File.Exists(data)) return DatasetLoader.LoadFile(data);
        if (Directory.Exists(data) && !UciSentences.IsComplete(data))
        {
            var files = DatasetLoader.FindSplitFiles(data);
            return DatasetLoader.LoadFile(files["test"]!);
        }
        return Load(data, uciCacheDirectory).Splits.Test;
    }
}
