using System.Text;

namespace Qdcnn.Text.Data.Formats;

/// <summary>Reads a dataset file as UTF-8 text (BOM optional), turning I/O and encoding problems into <see cref="DatasetException"/>.</summary>
internal static class DatasetText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes without a UTF-8 BOM; errors for a missing, unreadable or blank file.</summary>
    public static byte[] ReadBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(path, null, Directory.Exists(path) ? "is a folder, not a dataset file." : "file does not exist.");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(path, null, $"cannot be read: {e.Message}", e);
        }
        var bom = Encoding.UTF8.Preamble;
        if (bytes.AsSpan().StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new DatasetException(path, 1, "file is empty.");
        }
        return bytes;
    }

    /// <summary>The file's text (strict UTF-8, BOM removed); errors name the line of an invalid byte.</summary>
    public static string ReadText(string path) => Decode(path, ReadBytes(path));

    /// <summary>Decodes strict UTF-8; an invalid byte is reported with its line.</summary>
    public static string Decode(string path, byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, bytes.Length);
            throw new DatasetException(path, LineAt(bytes, offset), "is not valid UTF-8.", e);
        }
    }

    /// <summary>1-based line number of byte <paramref name="offset"/>.</summary>
    public static int LineAt(ReadOnlySpan<byte> bytes, long offset) =>
        1 + bytes[..(int)Math.Min(offset, bytes.Length)].Count((byte)'\n');

    /// <summary>Splits text into lines (\n, \r\n or \r), numbered from 1.</summary>
    public static IEnumerable<(string Text, int Number)> Lines(string text)
    {
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            yield return (line, number);
        }
    }
}
