using Qdcnn.BindingsGenerator.Model;

namespace Qdcnn.BindingsGenerator.Parsing;

/// <summary>
/// Turns a raw Doxygen comment (<c>/** ... */</c>, <c>/**&lt; ... */</c>) into summary lines and
/// @param paragraphs. Deliberately small: @brief is dropped, @param starts a parameter paragraph
/// that runs over the lines indented under it, every other line is summary text.
/// </summary>
public static class DocCommentParser
{
    /// <summary>Parses raw comment text; null or empty gives <see cref="DocComment.Empty"/>.</summary>
    public static DocComment Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return DocComment.Empty;
        }

        var summary = new List<string>();
        var parameters = new List<(string Name, string Text)>();
        int currentParameter = -1;

        foreach (var rawLine in raw.Replace("\r\n", "\n").Split('\n'))
        {
            var (line, indent) = CleanLine(rawLine);
            if (line.Length == 0)
            {
                currentParameter = -1;
                if (summary.Count > 0 && summary[^1].Length > 0)
                {
                    summary.Add(string.Empty);
                }

                continue;
            }

            if (line.StartsWith("@brief ", StringComparison.Ordinal) || line.StartsWith("\\brief ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            if (line.StartsWith("@param", StringComparison.Ordinal) || line.StartsWith("\\param", StringComparison.Ordinal))
            {
                var rest = line[6..].TrimStart();
                if (rest.StartsWith('['))
                {
                    rest = rest[(rest.IndexOf(']') + 1)..].TrimStart();
                }

                var split = rest.IndexOfAny([' ', '\t']);
                var name = split < 0 ? rest : rest[..split];
                var text = split < 0 ? string.Empty : rest[split..].Trim();
                parameters.Add((name, text));
                currentParameter = parameters.Count - 1;
                continue;
            }

            // A parameter's text continues on lines indented under it; a line at the comment's
            // own margin starts summary text again.
            if (currentParameter >= 0 && indent > 1)
            {
                var (name, text) = parameters[currentParameter];
                parameters[currentParameter] = (name, (text + " " + line).Trim());
                continue;
            }

            summary.Add(line);
        }

        while (summary.Count > 0 && summary[^1].Length == 0)
        {
            summary.RemoveAt(summary.Count - 1);
        }

        return new DocComment(summary, parameters);
    }

    /// <summary>The line without comment markers, and how many spaces followed the leading '*'.</summary>
    private static (string Text, int Indent) CleanLine(string line)
    {
        var text = line.Trim();
        foreach (var opener in new[] { "/**<", "///<", "/**", "/*!", "///", "//!" })
        {
            if (text.StartsWith(opener, StringComparison.Ordinal))
            {
                text = text[opener.Length..];
                break;
            }
        }

        if (text.EndsWith("*/", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        text = text.TrimEnd();
        var indent = 0;
        if (text.TrimStart().StartsWith('*'))
        {
            text = text.TrimStart()[1..];
            indent = text.Length - text.TrimStart().Length;
        }

        // Doxygen's "::name" means "link to name"; plain text reads better in XML docs.
        return (text.Trim().Replace("::", string.Empty, StringComparison.Ordinal), indent);
    }
}
