using System.Text.RegularExpressions;

namespace Qdcnn.Text;

/// <summary>
/// Splits a sentence into unigram tokens with the MSFF spec's regular expression
/// (<c>,+|;+|\.+|!+|\:+|\'+|\?+|\-+|\s+|[()]+|[\[\]]+|[{}]+|[&lt;&gt;]+</c>) and drops empty strings.
/// Tokens keep any POS tag glued to the word (<c>man_N</c>), because <c>_</c> is not a separator.
/// </summary>
public sealed partial class Tokenizer
{
    /// <summary>The separator pattern, exactly as the MSFF spec states it.</summary>
    public const string SeparatorPattern = @",+|;+|\.+|!+|\:+|\'+|\?+|\-+|\s+|[()]+|[\[\]]+|[{}]+|[<>]+";

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="lowerCase">Lower-case every token (invariant culture). The spec does not.</param>
    public Tokenizer(bool lowerCase = false)
    {
        LowerCase = lowerCase;
    }

    /// <summary>Whether tokens are lower-cased (invariant culture).</summary>
    public bool LowerCase { get; }

    /// <summary>Splits <paramref name="text"/> into its non-empty tokens, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        foreach (var piece in Separator().Split(text))
        {
            if (piece.Length == 0)
            {
                continue;
            }
            tokens.Add(LowerCase ? piece.ToLowerInvariant() : piece);
        }
        return tokens;
    }

    [GeneratedRegex(SeparatorPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
