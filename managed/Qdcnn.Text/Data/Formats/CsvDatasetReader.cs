using System.Text;

namespace Qdcnn.Text.Data.Formats;

/// <summary>
/// CSV with a header naming <c>label</c> and <c>text</c> columns (any order, case-insensitive, other
/// columns ignored). RFC 4180 quoting: quoted fields may hold commas, doubled quotes and newlines.
/// A quote inside an unquoted field is taken literally. Blank lines are skipped.
/// </summary>
internal static class CsvDatasetReader
{
    public static List<LabeledSentence> Read(string path)
    {
        var text = DatasetText.ReadText(path);
        var records = ParseRecords(path, text);
        if (records.Count == 0)
        {
            throw new DatasetException(path, 1, "file is empty.");
        }

        var (header, headerLine) = records[0];
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var labelColumn = names.IndexOf("label");
        var textColumn = names.IndexOf("text");
        if (labelColumn < 0 || textColumn < 0)
        {
            throw new DatasetException(path, headerLine, $"header must name the columns 'label' and 'text' (found '{string.Join(",", header)}').");
        }

        var rows = new List<LabeledSentence>();
        foreach (var (fields, line) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new DatasetException(path, line, $"malformed row: {fields.Count} field(s), the header has {header.Count}.");
            }
            rows.Add(RowValidation.Create(path, line, fields[labelColumn], fields[textColumn]));
        }
        if (rows.Count == 0)
        {
            throw new DatasetException(path, headerLine, "file has a header but no rows.");
        }
        return rows;
    }

    /// <summary>Records with the line each starts on; blank lines yield no record.</summary>
    internal static List<(List<string> Fields, int Line)> ParseRecords(string path, string text)
    {
        var records = new List<(List<string>, int)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var fieldStarted = false; // the current field has content or was quoted

        void EndRecord()
        {
            var blank = fields.Count == 0 && string.IsNullOrWhiteSpace(field.ToString());
            if (!blank)
            {
                fields.Add(field.ToString());
                records.Add((fields, recordLine));
            }
            fields = new List<string>();
            field.Clear();
            fieldStarted = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                // Quoted field: runs to the matching quote; "" is a literal quote.
                var quoteLine = line;
                fieldStarted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new DatasetException(path, quoteLine, "malformed row: a quoted field is never closed.");
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }
                    field.Append(text[i]);
                    i++;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new DatasetException(path, line, $"malformed row: unexpected '{text[i]}' after a closing quote.");
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    // The next field starts fresh (it may be quoted); fields.Count > 0 keeps the record alive.
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    i++;
                    break;
                case '\r':
                case '\n':
                    EndRecord();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    i++;
                    break;
            }
        }
        EndRecord();
        return records;
    }
}
