namespace Qdcnn.Text.Data.Formats;

/// <summary>The checks every format applies to one row: a non-empty label and a non-blank sentence.</summary>
internal static class RowValidation
{
    public static LabeledSentence Create(string path, int line, string? label, string? text)
    {
        var trimmedLabel = label?.Trim();
        if (string.IsNullOrEmpty(trimmedLabel))
        {
            throw new DatasetException(path, line, "malformed row: the label is empty.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DatasetException(path, line, "malformed row: the text is empty.");
        }
        return new LabeledSentence(text.Trim(), trimmedLabel, path, line);
    }
}
