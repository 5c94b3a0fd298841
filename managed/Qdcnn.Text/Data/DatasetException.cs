namespace Qdcnn.Text.Data;

/// <summary>A dataset file is missing, empty or malformed, or its labels are unusable. Names the file and line.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with <c>file:line: </c> (or <c>file: </c> without a line).</summary>
    public DatasetException(string file, int? line, string message, Exception? inner = null)
        : base(line is int l ? $"{file}:{l}: {message}" : $"{file}: {message}", inner)
    {
        File = file;
        Line = line;
        Reason = message;
    }

    /// <summary>The file concerned.</summary>
    public string File { get; }

    /// <summary>The 1-based line concerned, or null when the problem is the file as a whole (e.g. missing).</summary>
    public int? Line { get; }

    /// <summary>The message without the file and line prefix.</summary>
    public string Reason { get; }
}
