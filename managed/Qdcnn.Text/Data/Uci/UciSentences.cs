namespace Qdcnn.Text.Data;

/// <summary>
/// The UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015; CC BY 4.0): 1 000 review sentences each
/// from Amazon, IMDb and Yelp, 500 positive (class 1) and 500 negative (class 0) per source. Shipped in
/// the npm package <c>sentiment@5.0.2</c> as <c>package/test/fixtures/{amazon,imdb,yelp}.json</c>.
/// </summary>
public static class UciSentences
{
    /// <summary>The npm package that ships the files.</summary>
    public const string NpmPackage = "sentiment@5.0.2";

    /// <summary>The three source files, as named in the package and in the cache.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["amazon.json", "imdb.json", "yelp.json"];

    /// <summary>
    /// The cache folder: <c>$XDG_CACHE_HOME/qdcnn/uci-sentences</c>, or <c>~/.cache/qdcnn/uci-sentences</c>
    /// when XDG_CACHE_HOME is unset or not absolute.
    /// </summary>
    public static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "qdcnn", "uci-sentences");
    }

    /// <summary>Whether <paramref name="directory"/> holds all three files.</summary>
    public static bool IsComplete(string directory) =>
        FileNames.All(name => File.Exists(Path.Combine(directory, name)));

    /// <summary>
    /// Reads the three files of <paramref name="directory"/> (JSON arrays of <c>{text, class}</c>; the
    /// trailing <c>class: null</c> elements are skipped) in the order amazon, imdb, yelp.
    /// </summary>
    /// <exception cref="DatasetException">A file is missing or malformed (names file and line).</exception>
    public static IReadOnlyList<LabeledSentence> Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var sentences = new List<LabeledSentence>();
        foreach (var name in FileNames)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                throw new DatasetException(path, null, $"file does not exist; run 'qdcnn data fetch uci-sentences' (it runs npm pack {NpmPackage}).");
            }
            sentences.AddRange(DatasetLoader.LoadFile(path));
        }
        return sentences;
    }

    /// <summary>
    /// Loads the sentences and splits them stratified: <paramref name="testFraction"/> as test, then
    /// <paramref name="devFraction"/> of the rest as dev (see <see cref="StratifiedSplitter.ToSplits"/>).
    /// </summary>
    public static DatasetSplits LoadSplits(string directory, int seed, double testFraction = 0.2, double devFraction = 0.1) =>
        StratifiedSplitter.ToSplits(Load(directory), testFraction, devFraction, seed);
}
