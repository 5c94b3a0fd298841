namespace Qdcnn.Text;

/// <summary>Reads stop-word files: one word per line; blank lines and lines starting with <c>#</c> are ignored.</summary>
public static class StopWords
{
    /// <summary>Reads the stop words of <paramref name="path"/> (UTF-8, with or without BOM), each trimmed.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlySet<string> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Stop-word file '{path}' does not exist.", path);
        }
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word);
            }
        }
        return words;
    }
}
