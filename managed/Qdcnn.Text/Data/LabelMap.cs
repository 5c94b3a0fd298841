using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdcnn.Text.Data;

/// <summary>
/// Raw label text ↔ class index, fixed by the training data and saved with the model.
/// Classes are ordered numerically when every label is an integer (so MC/RP's 0/1 keep their
/// meaning as indices), otherwise ordinally by text.
/// </summary>
public sealed class LabelMap
{
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _indices;

    private LabelMap(string[] labels)
    {
        _labels = labels;
        _indices = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!_indices.TryAdd(labels[i], i))
            {
                throw new ArgumentException($"Label '{labels[i]}' appears twice.", nameof(labels));
            }
        }
    }

    /// <summary>Number of classes.</summary>
    public int Count => _labels.Length;

    /// <summary>Labels indexed by class.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The classes of the training data.</summary>
    /// <exception cref="DatasetException">No rows, or a single class (names the first row's file and line).</exception>
    public static LabelMap FromTraining(IReadOnlyList<LabeledSentence> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0)
        {
            throw new ArgumentException("The training data is empty.", nameof(training));
        }
        var distinct = training.Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
        {
            var first = training[0];
            throw new DatasetException(first.SourceFile, first.Line,
                $"all {training.Count} training rows have label '{first.Label}'; training needs at least two classes.");
        }
        return new LabelMap(Order(distinct));
    }

    /// <summary>A map with the given labels in the given class order (e.g. loaded with a model).</summary>
    /// <exception cref="ArgumentException">Fewer than two labels, an empty label, or a duplicate.</exception>
    public static LabelMap FromLabels(IEnumerable<string> labelsInClassOrder)
    {
        ArgumentNullException.ThrowIfNull(labelsInClassOrder);
        var labels = labelsInClassOrder.ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("A label map needs at least two classes.", nameof(labelsInClassOrder));
        }
        if (labels.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Labels must not be empty.", nameof(labelsInClassOrder));
        }
        return new LabelMap(labels);
    }

    /// <summary>The class index of <paramref name="label"/>.</summary>
    /// <exception cref="KeyNotFoundException">The label is not one of the classes.</exception>
    public int IndexOf(string label) =>
        TryGetIndex(label, out var index)
            ? index
            : throw new KeyNotFoundException($"Label '{label}' is not one of the classes {string.Join(", ", _labels)}.");

    /// <summary>Looks up the class index of <paramref name="label"/>.</summary>
    public bool TryGetIndex(string label, out int index)
    {
        ArgumentNullException.ThrowIfNull(label);
        return _indices.TryGetValue(label, out index);
    }

    /// <summary>The label text of class <paramref name="index"/>.</summary>
    public string LabelOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _labels[index];
    }

    /// <summary>The class indices of <paramref name="sentences"/>.</summary>
    /// <exception cref="DatasetException">A label unseen in training; names that row's file and line.</exception>
    public int[] Encode(IReadOnlyList<LabeledSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var classes = new int[sentences.Count];
        for (var i = 0; i < classes.Length; i++)
        {
            var s = sentences[i];
            if (!_indices.TryGetValue(s.Label, out classes[i]))
            {
                throw new DatasetException(s.SourceFile, s.Line,
                    $"label '{s.Label}' does not occur in the training data (classes: {string.Join(", ", _labels)}).");
            }
        }
        return classes;
    }

    /// <summary>Serialises as <c>{"labels": [label of class 0, label of class 1, …]}</c>.</summary>
    public string ToJson() =>
        new JsonObject { ["labels"] = new JsonArray(_labels.Select(l => (JsonNode?)l).ToArray()) }
            .ToJsonString(JsonFormatting.Options);

    /// <summary>Reads a map written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">Malformed JSON or an invalid label list.</exception>
    public static LabelMap FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var labels = (JsonNode.Parse(json)?["labels"] as JsonArray
                    ?? throw new FormatException("Label map JSON must be an object with a \"labels\" array."))
                .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException("Labels must be strings."));
            return FromLabels(labels);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Label map JSON is malformed: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Label map JSON is invalid: {e.Message}", e);
        }
    }

    private static string[] Order(List<string> labels)
    {
        var allIntegers = labels.All(l => long.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
        return allIntegers
            ? labels.OrderBy(l => long.Parse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToArray()
            : labels.Order(StringComparer.Ordinal).ToArray();
    }
}
