using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdcnn.Text;

/// <summary>
/// Token ↔ id map of the MSFF spec: UNK = 0, PAD = 1, then training tokens from id 2 in descending
/// frequency; ties keep the order in which the tokens first occur in the training data (stable sort).
/// Immutable once built.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Id of the unknown-token entry.</summary>
    public const int UnknownId = 0;

    /// <summary>Id of the padding entry.</summary>
    public const int PaddingId = 1;

    /// <summary>Token text of the unknown-token entry (the reference checkpoints' spelling).</summary>
    public const string UnknownToken = "<UNK>";

    /// <summary>Token text of the padding entry (the reference checkpoints' spelling).</summary>
    public const string PaddingToken = "<PAD>";

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    private Vocabulary(string[] tokens)
    {
        _tokens = tokens;
        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (var id = 0; id < tokens.Length; id++)
        {
            _ids.Add(tokens[id], id);
        }
    }

    /// <summary>Number of entries, UNK and PAD included (the spec's V).</summary>
    public int Count => _tokens.Length;

    /// <summary>Tokens indexed by id (0 = <see cref="UnknownToken"/>, 1 = <see cref="PaddingToken"/>).</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>
    /// Builds the vocabulary from the tokenized <em>training</em> sentences only.
    /// </summary>
    /// <param name="trainingSentences">Each training sentence's tokens.</param>
    /// <param name="options">Frequency bounds, size limit and stop words; null = the spec's defaults.</param>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> trainingSentences, VocabularyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainingSentences);
        options ??= new VocabularyOptions();
        options.Validate();

        // Counts plus first-occurrence order (kept explicitly: Dictionary order is not a contract).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSeen = new List<string>();
        foreach (var sentence in trainingSentences)
        {
            ArgumentNullException.ThrowIfNull(sentence, nameof(trainingSentences));
            foreach (var token in sentence)
            {
                if (counts.TryGetValue(token, out var n))
                {
                    counts[token] = n + 1;
                }
                else
                {
                    counts.Add(token, 1);
                    firstSeen.Add(token);
                }
            }
        }

        // LINQ OrderByDescending is a stable sort: equal frequencies keep first-occurrence order.
        var kept = firstSeen
            .Where(t => counts[t] >= options.MinFrequency && counts[t] <= options.MaxFrequency)
            .Where(t => !options.StopWords.Contains(t) && t != UnknownToken && t != PaddingToken)
            .OrderByDescending(t => counts[t]);
        var limited = options.MaxSize is int max ? kept.Take(max - 2) : kept;

        var tokens = new List<string> { UnknownToken, PaddingToken };
        tokens.AddRange(limited);
        return new Vocabulary(tokens.ToArray());
    }

    /// <summary>
    /// Wraps an existing token → id map (e.g. a reference checkpoint's <c>MC_vocab.quantum.pkl</c>).
    /// Ids must be exactly 0 … count−1, with <see cref="UnknownToken"/> = 0 and <see cref="PaddingToken"/> = 1.
    /// </summary>
    /// <exception cref="ArgumentException">The map breaks one of those rules; the message names the entry.</exception>
    public static Vocabulary FromMapping(IReadOnlyDictionary<string, int> tokenToId)
    {
        ArgumentNullException.ThrowIfNull(tokenToId);
        var tokens = new string?[tokenToId.Count];
        foreach (var (token, id) in tokenToId)
        {
            if (id < 0 || id >= tokens.Length)
            {
                throw new ArgumentException($"Token '{token}' has id {id}; ids must run from 0 to {tokens.Length - 1}.", nameof(tokenToId));
            }
            if (tokens[id] is not null)
            {
                throw new ArgumentException($"Tokens '{tokens[id]}' and '{token}' share id {id}.", nameof(tokenToId));
            }
            tokens[id] = token;
        }
        if (tokens.Length < 2 || tokens[UnknownId] != UnknownToken || tokens[PaddingId] != PaddingToken)
        {
            throw new ArgumentException($"The map must give '{UnknownToken}' id {UnknownId} and '{PaddingToken}' id {PaddingId}.", nameof(tokenToId));
        }
        return new Vocabulary(tokens!);
    }

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownId"/> when it is not in the vocabulary.</summary>
    public int IdOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _ids.TryGetValue(token, out var id) ? id : UnknownId;
    }

    /// <summary>Whether <paramref name="token"/> has its own id.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>The token of <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in 0 … Count−1.</exception>
    public string TokenOf(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Count);
        return _tokens[id];
    }

    /// <summary>The ids of all <paramref name="tokens"/> (unseen → UNK), neither truncated nor padded.</summary>
    public int[] Lookup(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = IdOf(tokens[i]);
        }
        return ids;
    }

    /// <summary>Ids of <paramref name="tokens"/> truncated or right-padded with PAD to <paramref name="sequenceLength"/>.</summary>
    public int[] Encode(IReadOnlyList<string> tokens, int sequenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        var ids = new long[sequenceLength];
        Encode(tokens, ids);
        return Array.ConvertAll(ids, id => (int)id);
    }

    /// <summary>
    /// Writes the ids of <paramref name="tokens"/> into <paramref name="destination"/>, truncating or
    /// right-padding with PAD to its length (the sequence length).
    /// </summary>
    public void Encode(IReadOnlyList<string> tokens, Span<long> destination)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (destination.IsEmpty)
        {
            throw new ArgumentException("The destination (sequence length) must not be empty.", nameof(destination));
        }
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = i < tokens.Count ? IdOf(tokens[i]) : PaddingId;
        }
    }

    /// <summary>The map as a JSON node: an object token → id in id order (the reference checkpoints' shape).</summary>
    public JsonObject ToJsonNode()
    {
        var node = new JsonObject();
        for (var id = 0; id < _tokens.Length; id++)
        {
            node[_tokens[id]] = id;
        }
        return node;
    }

    /// <summary>Serialises the map as a JSON object token → id.</summary>
    public string ToJson() => ToJsonNode().ToJsonString(JsonFormatting.Options);

    /// <summary>Reads a JSON object token → id (as written by <see cref="ToJson"/> or found in the reference checkpoints).</summary>
    /// <exception cref="FormatException">The JSON is not an object of integer ids.</exception>
    public static Vocabulary FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Vocabulary JSON is malformed: {e.Message}", e);
        }
        return FromJsonNode(node);
    }

    /// <summary>Reads a JSON object token → id.</summary>
    /// <exception cref="FormatException">The node is not an object of integer ids.</exception>
    public static Vocabulary FromJsonNode(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw new FormatException("Vocabulary JSON must be an object mapping token to id.");
        }
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, value) in obj)
        {
            if (value is not JsonValue v || !v.TryGetValue<int>(out var id))
            {
                throw new FormatException($"Vocabulary entry '{token}' must have an integer id.");
            }
            map.Add(token, id);
        }
        try
        {
            return FromMapping(map);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Vocabulary JSON is invalid: {e.Message}", e);
        }
    }
}
