using System.Globalization;
using System.Text.Json;

namespace Qdcnn.Text.Data.Formats;

/// <summary>
/// A JSON array of objects with a string <c>text</c> and a <c>class</c> or <c>label</c> (integer or
/// string). Elements whose label is null are skipped (the UCI files end with one). Other properties are
/// ignored. Rows are numbered by the line their object starts on; messages also give the element index,
/// since some files hold the whole array on one line.
/// </summary>
internal static class JsonDatasetReader
{
    public static List<LabeledSentence> Read(string path)
    {
        var bytes = DatasetText.ReadBytes(path);
        DatasetText.Decode(path, bytes); // names the line of an invalid UTF-8 byte before parsing
        try
        {
            return Parse(path, bytes);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is long l ? (int)l + 1 : (int?)null;
            throw new DatasetException(path, line, $"malformed JSON: {e.Message}", e);
        }
    }

    private static List<LabeledSentence> Parse(string path, byte[] bytes)
    {
        var lines = new LineCounter(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new DatasetException(path, lines.At(reader.TokenStartIndex), "expected a JSON array of {\"text\", \"class\"} objects.");
        }
        var rows = new List<LabeledSentence>();
        var element = -1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            element++;
            var line = lines.At(reader.TokenStartIndex);
            var where = $"element {element}";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DatasetException(path, line, $"malformed row ({where}): expected an object, found {reader.TokenType}.");
            }
            string? text = null;
            string? label = null;
            var labelSeen = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "text":
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            throw new DatasetException(path, lines.At(reader.TokenStartIndex), $"malformed row ({where}): \"text\" must be a string.");
                        }
                        text = reader.GetString();
                        break;
                    case "class":
                    case "label":
                        if (labelSeen)
                        {
                            throw new DatasetException(path, lines.At(reader.TokenStartIndex), $"malformed row ({where}): both \"class\" and \"label\" are given.");
                        }
                        labelSeen = true;
                        label = ReadLabel(path, lines, ref reader, where);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (!labelSeen)
            {
                throw new DatasetException(path, line, $"malformed row ({where}): no \"class\" or \"label\".");
            }
            if (label is null)
            {
                continue; // an explicit null label marks a placeholder element, as at the end of the UCI files
            }
            if (text is null)
            {
                throw new DatasetException(path, line, $"malformed row ({where}): no \"text\".");
            }
            rows.Add(RowValidation.Create(path, line, label, text));
        }
        if (rows.Count == 0)
        {
            throw new DatasetException(path, 1, "file has no labelled rows.");
        }
        return rows;
    }

    private static string? ReadLabel(string path, LineCounter lines, ref Utf8JsonReader reader, string where) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => throw new DatasetException(path, lines.At(reader.TokenStartIndex), $"malformed row ({where}): the label must be an integer, a string or null."),
        };

    /// <summary>Counts newlines incrementally, since the reader only moves forward.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _offset;
        private int _line = 1;

        public int At(long offset)
        {
            if (offset > _offset)
            {
                _line += bytes.AsSpan((int)_offset, (int)(offset - _offset)).Count((byte)'\n');
                _offset = offset;
            }
            return _line;
        }
    }
}
