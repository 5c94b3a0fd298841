namespace Qdcnn.BindingsGenerator.Parsing;

/// <summary>
/// Finds the Doxygen comment of a declaration by position in the header text: a trailing
/// <c>/**&lt; ... */</c> on the declaration's line, else a <c>/** ... */</c> block (or <c>///</c>
/// lines) ending on the line just above it. clang's own attachment skips macros and, in enums,
/// hands an enumerator's comment to the next enumerator that has none; position is unambiguous.
/// </summary>
internal sealed class HeaderComments(string headerText)
{
    private readonly string[] _lines = headerText.Replace("\r\n", "\n").Split('\n');

    /// <summary>
    /// The raw comment for a declaration whose source starts on <paramref name="firstLine"/> and
    /// whose name is on <paramref name="nameLine"/> (1-based), or null.
    /// </summary>
    public string? For(int firstLine, int nameLine) =>
        (nameLine >= 1 && nameLine <= _lines.Length ? Trailing(nameLine) : null) ?? Preceding(firstLine);

    private string? Trailing(int line)
    {
        var text = _lines[line - 1];
        var start = text.IndexOf("/**<", StringComparison.Ordinal);
        if (start < 0)
        {
            start = text.IndexOf("///<", StringComparison.Ordinal);
            return start < 0 ? null : text[start..];
        }

        var comment = text[start..];
        for (var next = line; !comment.Contains("*/", StringComparison.Ordinal) && next < _lines.Length; next++)
        {
            comment += "\n" + _lines[next];
        }

        var end = comment.IndexOf("*/", StringComparison.Ordinal);
        return end < 0 ? comment : comment[..(end + 2)];
    }

    private string? Preceding(int firstLine)
    {
        var last = firstLine - 1;
        if (last < 1)
        {
            return null;
        }

        var text = _lines[last - 1].Trim();
        if (text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("///<", StringComparison.Ordinal))
        {
            var first = last;
            while (first > 1 && _lines[first - 2].Trim().StartsWith("///", StringComparison.Ordinal))
            {
                first--;
            }

            return string.Join("\n", _lines[(first - 1)..last]);
        }

        if (!text.EndsWith("*/", StringComparison.Ordinal))
        {
            return null;
        }

        for (var line = last; line >= 1; line--)
        {
            var candidate = _lines[line - 1];
            var open = candidate.IndexOf("/*", StringComparison.Ordinal);
            if (open >= 0)
            {
                // Only documentation comments (/** or /*!) count; a plain /* */ is a section rule or a note.
                var opener = candidate[open..];
                var isDoc = (opener.StartsWith("/**", StringComparison.Ordinal) && !opener.StartsWith("/**/", StringComparison.Ordinal))
                            || opener.StartsWith("/*!", StringComparison.Ordinal);
                return isDoc && candidate[..open].Trim().Length == 0
                    ? string.Join("\n", _lines[(line - 1)..last])
                    : null;
            }
        }

        return null;
    }
}
