namespace Qdcnn.Text.Data.Formats;

/// <summary>
/// lambeq's text format: per line the label, whitespace (lambeq writes two spaces; its RP files one),
/// then the sentence. Blank lines are skipped.
/// </summary>
internal static class LambeqDatasetReader
{
    public static List<LabeledSentence> Read(string path)
    {
        var rows = new List<LabeledSentence>();
        foreach (var (line, number) in DatasetText.Lines(DatasetText.ReadText(path)))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            var gap = trimmed.IndexOfAny([' ', '\t']);
            if (gap < 0)
            {
                throw new DatasetException(path, number, "malformed row: expected 'label  sentence', found one word only.");
            }
            rows.Add(RowValidation.Create(path, number, trimmed[..gap], trimmed[(gap + 1)..]));
        }
        if (rows.Count == 0)
        {
            throw new DatasetException(path, 1, "file has no rows.");
        }
        return rows;
    }
}
