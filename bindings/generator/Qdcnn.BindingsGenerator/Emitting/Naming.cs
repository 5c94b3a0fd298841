using System.Text;

namespace Qdcnn.BindingsGenerator.Emitting;

/// <summary>C identifiers to C# identifiers.</summary>
public static class Naming
{
    private static readonly HashSet<string> CSharpKeywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
        "while",
    ];

    /// <summary>snake_case or SCREAMING_CASE to PascalCase: qdcnn_angle_source → QdcnnAngleSource, AVX512 → Avx512.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(part[1..].ToLowerInvariant());
        }

        return builder.ToString();
    }

    /// <summary>A C parameter name as a C# identifier (C# keywords get '@').</summary>
    public static string EscapeIdentifier(string name) => CSharpKeywords.Contains(name) ? "@" + name : name;

    /// <summary>
    /// The longest prefix ending in '_' shared by every name that still leaves each name a
    /// non-empty remainder (QDCNN_GATE_H, QDCNN_GATE_CNOT → QDCNN_GATE_).
    /// </summary>
    public static string CommonUnderscorePrefix(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return string.Empty;
        }

        var prefix = names[0];
        foreach (var name in names)
        {
            var length = 0;
            while (length < prefix.Length && length < name.Length && prefix[length] == name[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        var cut = prefix.LastIndexOf('_');
        prefix = cut < 0 ? string.Empty : prefix[..(cut + 1)];
        while (prefix.Length > 0 && names.Any(n => n.Length == prefix.Length))
        {
            cut = prefix[..^1].LastIndexOf('_');
            prefix = cut < 0 ? string.Empty : prefix[..(cut + 1)];
        }

        return prefix;
    }
}
