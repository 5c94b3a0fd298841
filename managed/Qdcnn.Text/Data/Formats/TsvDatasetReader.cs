namespace Qdcnn.Text.Data.Formats;

/// <summary>
/// <c>label&lt;TAB&gt;text</c> per line; the text is everything after the first tab. An optional first line
/// <c>label&lt;TAB&gt;text</c> (case-insensitive) is a header. No quoting. Blank lines are skipped.
/// </summary>
internal static class TsvDatasetReader
{
    public static List<LabeledSentence> Read(string path)
    {
        var rows = new List<LabeledSentence>();
        var first = true;
        foreach (var (line, number) in DatasetText.Lines(DatasetText.ReadText(path)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                throw new DatasetException(path, number, "malformed row: expected 'label<TAB>text', found no tab.");
            }
            var label = line[..tab];
            var text = line[(tab + 1)..];
            var isHeader = first && label.Trim().Equals("label", StringComparison.OrdinalIgnoreCase)
                && text.Trim().Equals("text", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (!isHeader)
            {
                rows.Add(RowValidation.Create(path, number, label, text));
            }
        }
        if (rows.Count == 0)
        {
            throw new DatasetException(path, 1, "file has no rows.");
        }
        return rows;
    }
}
