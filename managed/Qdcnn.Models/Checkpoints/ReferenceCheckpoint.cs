using System.Globalization;
using System.Text.Json;

namespace Qdcnn.Models.Checkpoints;

/// <summary>
/// The authors' trained weights, vocabularies and idf tables
/// (<c>../shared/reference/msff_reference_checkpoints.json</c>; format in MSFF-SPEC.md, "Checkpoint file").
/// Datasets are named <c>MC</c> and <c>RP</c>; models <c>msff-qdconv</c>, <c>msff-qconv</c>,
/// <c>msff-dconv</c>, <c>msff-conv</c>.
/// </summary>
public sealed class ReferenceCheckpoint
{
    private readonly Dictionary<string, ReferenceModelWeights> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> _vocabularies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<double>> _idf = new(StringComparer.Ordinal);

    private ReferenceCheckpoint(string path) => Path = path;

    /// <summary>The file this was read from.</summary>
    public string Path { get; }

    /// <summary>Keys of the stored models (e.g. <c>MC_msff-dconv.best.model</c>).</summary>
    public IReadOnlyCollection<string> ModelKeys => _models.Keys.ToList();

    /// <summary>Reads and validates the whole file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The content is malformed; the message names the key.</exception>
    public static ReferenceCheckpoint Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Reference checkpoint file not found: {path}", path);
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        using (document)
        {
            var checkpoint = new ReferenceCheckpoint(path);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: the top level must be a JSON object.");
            foreach (var entry in document.RootElement.EnumerateObject())
                checkpoint.Read(entry);
            return checkpoint;
        }
    }

    /// <summary>Key of a model in the file: <c>&lt;DS&gt;_&lt;model&gt;.best.model</c>.</summary>
    public static string ModelKey(string dataset, string model) => $"{dataset.ToUpperInvariant()}_{model}.best.model";

    /// <summary>The weights of <paramref name="model"/> trained on <paramref name="dataset"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not stored; the message lists what is.</exception>
    public ReferenceModelWeights Model(string dataset, string model)
    {
        string key = ModelKey(dataset, model);
        return _models.TryGetValue(key, out var weights)
            ? weights
            : throw new KeyNotFoundException($"{Path}: no model '{key}'; stored: {string.Join(", ", _models.Keys)}.");
    }

    /// <summary>The vocabulary of <paramref name="dataset"/> (<c>&lt;DS&gt;_vocab.quantum.pkl</c>): token → id.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary(string dataset) =>
        Lookup(_vocabularies, $"{dataset.ToUpperInvariant()}_vocab.quantum.pkl");

    /// <summary>
    /// The idf table of <paramref name="dataset"/> (<c>&lt;DS&gt;_idf.quantum.pkl</c>) as a dense array indexed by id
    /// (length V; UNK and PAD have 1).
    /// </summary>
    public IReadOnlyList<double> Idf(string dataset) => Lookup(_idf, $"{dataset.ToUpperInvariant()}_idf.quantum.pkl");

    private T Lookup<T>(Dictionary<string, T> table, string key) =>
        table.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"{Path}: no entry '{key}'; stored: {string.Join(", ", table.Keys)}.");

    private void Read(JsonProperty entry)
    {
        string key = entry.Name;
        if (key.EndsWith(".best.model", StringComparison.Ordinal))
            _models[key] = ReadModel(key, entry.Value);
        else if (key.Contains("_vocab.", StringComparison.Ordinal))
            _vocabularies[key] = ReadVocabulary(key, entry.Value);
        else if (key.Contains("_idf.", StringComparison.Ordinal))
            _idf[key] = ReadIdf(key, entry.Value);
        else
            throw new InvalidDataException($"{Path}: unexpected key '{key}' (expected *.best.model, *_vocab.*, *_idf.*).");
    }

    private ReferenceModelWeights ReadModel(string key, JsonElement value)
    {
        RequireKind(value, JsonValueKind.Object, key);
        var tensors = new Dictionary<string, ReferenceTensor>(StringComparer.Ordinal);
        foreach (var t in value.EnumerateObject())
        {
            string name = $"{key}/{t.Name}";
            RequireKind(t.Value, JsonValueKind.Object, name);
            long[] shape = Field(t.Value, "shape", name).EnumerateArray().Select(d => d.GetInt64()).ToArray();
            string dtype = Field(t.Value, "dtype", name).GetString() ?? "";
            if (dtype is not ("f4" or "f8"))
                throw new InvalidDataException($"{Path}: '{name}' has dtype '{dtype}'; only f4 and f8 are supported.");
            double[] data = Field(t.Value, "data", name).EnumerateArray().Select(d => d.GetDouble()).ToArray();
            long count = shape.Aggregate(1L, (a, b) => a * b);
            if (shape.Any(d => d < 0) || count != data.Length)
                throw new InvalidDataException(
                    $"{Path}: '{name}' has shape [{string.Join(", ", shape)}] ({count} values) but {data.Length} data values.");
            tensors[t.Name] = new ReferenceTensor(name, shape, dtype, data);
        }
        return new ReferenceModelWeights(key, tensors);
    }

    private IReadOnlyDictionary<string, int> ReadVocabulary(string key, JsonElement value)
    {
        RequireKind(value, JsonValueKind.Object, key);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in value.EnumerateObject())
        {
            if (token.Value.ValueKind != JsonValueKind.Number || !token.Value.TryGetInt32(out int id) || id < 0)
                throw new InvalidDataException($"{Path}: '{key}' maps '{token.Name}' to {token.Value}, not a non-negative integer id.");
            vocabulary[token.Name] = id;
        }
        var ids = vocabulary.Values.Order().ToList();
        if (!ids.SequenceEqual(Enumerable.Range(0, ids.Count)))
            throw new InvalidDataException($"{Path}: the ids of '{key}' are not exactly 0..{ids.Count - 1}.");
        return vocabulary;
    }

    private IReadOnlyList<double> ReadIdf(string key, JsonElement value)
    {
        RequireKind(value, JsonValueKind.Object, key);
        var byId = new SortedDictionary<int, double>();
        foreach (var item in value.EnumerateObject())
        {
            if (!int.TryParse(item.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int id)
                || item.Value.ValueKind != JsonValueKind.Number)
                throw new InvalidDataException($"{Path}: '{key}' has entry '{item.Name}': {item.Value}; expected \"<id>\": <idf>.");
            byId[id] = item.Value.GetDouble();
        }
        if (!byId.Keys.SequenceEqual(Enumerable.Range(0, byId.Count)))
            throw new InvalidDataException($"{Path}: the ids of '{key}' are not exactly 0..{byId.Count - 1}.");
        return byId.Values.ToArray();
    }

    private JsonElement Field(JsonElement obj, string field, string name) =>
        obj.TryGetProperty(field, out var v)
            ? v
            : throw new InvalidDataException($"{Path}: '{name}' has no '{field}'.");

    private void RequireKind(JsonElement value, JsonValueKind kind, string name)
    {
        if (value.ValueKind != kind)
            throw new InvalidDataException($"{Path}: '{name}' must be a JSON {kind}, not {value.ValueKind}.");
    }
}
