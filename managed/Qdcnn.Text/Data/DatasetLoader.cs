using Qdcnn.Text.Data.Formats;

namespace Qdcnn.Text.Data;

/// <summary>
/// Reads labelled sentences from files (format by extension, see <see cref="DatasetFormat"/>) and
/// dataset folders.
/// <para>
/// Folder rule: a folder holds one <c>train</c> file, one <c>test</c> file and optionally one <c>dev</c>
/// file. A file belongs to split <c>s</c> when its extension is <c>.csv</c>, <c>.tsv</c>, <c>.json</c> or
/// <c>.txt</c> and its name without extension (case-insensitive) is <c>s</c>, ends with <c>_s</c>, or
/// ends with <c>_s_data</c> (lambeq's <c>mc_train_data.txt</c>). With a prefix <c>p</c> only <c>p_s</c> and
/// <c>p_s_data</c> match, which picks one dataset from a folder holding several (lambeq's mc_* and rp_*).
/// Two files for one split are an error.
/// </para>
/// </summary>
public static class DatasetLoader
{
    /// <summary>The split names the folder rule looks for.</summary>
    public static readonly IReadOnlyList<string> SplitNames = ["train", "dev", "test"];

    /// <summary>The format a file is read as, from its extension.</summary>
    /// <exception cref="DatasetException">The extension is not .csv, .tsv, .json or .txt.</exception>
    public static DatasetFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => DatasetFormat.Csv,
            ".tsv" => DatasetFormat.Tsv,
            ".json" => DatasetFormat.Json,
            ".txt" => DatasetFormat.Lambeq,
            var other => throw new DatasetException(path, null, $"unsupported extension '{other}'; use .csv, .tsv, .json or .txt (lambeq format)."),
        };
    }

    /// <summary>Reads every labelled sentence of one file, in file order.</summary>
    /// <exception cref="DatasetException">Missing, empty or malformed file (names file and line).</exception>
    public static IReadOnlyList<LabeledSentence> LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FormatOf(path) switch
        {
            DatasetFormat.Csv => CsvDatasetReader.Read(path),
            DatasetFormat.Tsv => TsvDatasetReader.Read(path),
            DatasetFormat.Json => JsonDatasetReader.Read(path),
            DatasetFormat.Lambeq => LambeqDatasetReader.Read(path),
            var f => throw new InvalidOperationException($"No reader for {f}."),
        };
    }

    /// <summary>Reads explicit train, optional dev, and test files and validates their labels.</summary>
    /// <exception cref="DatasetException">A file problem, a single training class, or an unseen dev/test label.</exception>
    public static DatasetSplits LoadFiles(string trainPath, string? devPath, string testPath)
    {
        var train = LoadFile(trainPath);
        var dev = devPath is null ? null : LoadFile(devPath);
        var test = LoadFile(testPath);
        return new DatasetSplits(train, dev, test);
    }

    /// <summary>Reads a dataset folder by the folder rule (see the class remarks).</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="prefix">Only files named <c>{prefix}_{split}</c> or <c>{prefix}_{split}_data</c>; null = any.</param>
    /// <exception cref="DatasetException">Missing folder or split file, two files for one split, or any file/label problem.</exception>
    public static DatasetSplits LoadFolder(string directory, string? prefix = null)
    {
        var files = FindSplitFiles(directory, prefix);
        return LoadFiles(files["train"]!, files["dev"], files["test"]!);
    }

    /// <summary>The file of each split (<c>train</c>, <c>dev</c>, <c>test</c>; dev may be null) by the folder rule.</summary>
    /// <exception cref="DatasetException">Missing folder, no train or test file, or two files for one split.</exception>
    public static IReadOnlyDictionary<string, string?> FindSplitFiles(string directory, string? prefix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DatasetException(directory, null, "dataset folder does not exist.");
        }
        var candidates = Directory.EnumerateFiles(directory)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".csv" or ".tsv" or ".json" or ".txt")
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = new Dictionary<string, string?>();
        foreach (var split in SplitNames)
        {
            var matches = candidates.Where(f => BelongsTo(Path.GetFileNameWithoutExtension(f).ToLowerInvariant(), split, prefix?.ToLowerInvariant())).ToList();
            if (matches.Count > 1)
            {
                throw new DatasetException(directory, null,
                    $"{matches.Count} files match the {split} split ({string.Join(", ", matches.Select(Path.GetFileName))}); pass a prefix or keep one.");
            }
            if (matches.Count == 0 && split != "dev")
            {
                var expected = prefix is null ? $"{split}.csv (or .tsv/.json/.txt, or *_{split}_data.txt)" : $"{prefix}_{split}.csv (or .tsv/.json/.txt, or {prefix}_{split}_data.txt)";
                throw new DatasetException(directory, null, $"no {split} file; expected {expected}.");
            }
            result[split] = matches.SingleOrDefault();
        }
        return result;
    }

    private static bool BelongsTo(string stem, string split, string? prefix) =>
        prefix is null
            ? stem == split || stem.EndsWith("_" + split, StringComparison.Ordinal) || stem.EndsWith("_" + split + "_data", StringComparison.Ordinal)
            : stem == $"{prefix}_{split}" || stem == $"{prefix}_{split}_data";
}
