using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdcnn.Text;

/// <summary>
/// Tokenizer + stop-word removal + train-only vocabulary + TF-IDF, fitted once on the training texts
/// and then applied unchanged to every split. Immutable; save and load it with the model.
/// </summary>
public sealed class TextPipeline
{
    /// <summary>The <c>format</c> tag of the saved JSON.</summary>
    public const string JsonFormat = "qdcnn-text-pipeline/1";

    private readonly Tokenizer _tokenizer;
    private readonly IReadOnlySet<string> _stopWords;

    private TextPipeline(PipelineOptions options, Vocabulary vocabulary, TfIdf tfIdf)
    {
        Options = options;
        Vocabulary = vocabulary;
        TfIdf = tfIdf;
        _tokenizer = new Tokenizer(options.LowerCase);
        _stopWords = options.EffectiveStopWords();
    }

    /// <summary>The settings the pipeline was fitted with.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The train-only vocabulary.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The idf table and TF-IDF transform.</summary>
    public TfIdf TfIdf { get; }

    /// <summary>Sequence length of encoded sentences.</summary>
    public int SequenceLength => Options.SeqLen;

    /// <summary>Vocabulary size V, UNK and PAD included.</summary>
    public int VocabularySize => Vocabulary.Count;

    /// <summary>Fits vocabulary and idf on the <em>training</em> texts only.</summary>
    /// <exception cref="ArgumentException">No texts, or invalid options.</exception>
    public static TextPipeline Fit(IEnumerable<string> trainingTexts, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainingTexts);
        options ??= new PipelineOptions();
        options.Validate();
        var tokenizer = new Tokenizer(options.LowerCase);
        var stopWords = options.EffectiveStopWords();
        var sentences = trainingTexts.Select(t => RemoveStopWords(tokenizer.Tokenize(t), stopWords)).ToList();
        if (sentences.Count == 0)
        {
            throw new ArgumentException("At least one training text is needed.", nameof(trainingTexts));
        }
        var vocabulary = Vocabulary.Build(sentences, options.ToVocabularyOptions());
        var tfIdf = TfIdf.Fit(sentences.Select(vocabulary.Lookup), vocabulary.Count);
        return new TextPipeline(options, vocabulary, tfIdf);
    }

    /// <summary>Assembles a pipeline from parts fitted elsewhere (e.g. a reference checkpoint's vocabulary and idf).</summary>
    /// <exception cref="ArgumentException">The idf table and the vocabulary differ in size, or invalid options.</exception>
    public static TextPipeline FromParts(PipelineOptions options, Vocabulary vocabulary, TfIdf tfIdf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(tfIdf);
        options.Validate();
        if (tfIdf.VocabularySize != vocabulary.Count)
        {
            throw new ArgumentException($"The idf table has {tfIdf.VocabularySize} entries; the vocabulary has {vocabulary.Count}.", nameof(tfIdf));
        }
        return new TextPipeline(options, vocabulary, tfIdf);
    }

    /// <summary>The tokens of <paramref name="text"/> as the pipeline sees them (tokenized, cased, stop words removed).</summary>
    public IReadOnlyList<string> Tokenize(string text) => RemoveStopWords(_tokenizer.Tokenize(text), _stopWords);

    /// <summary>Encodes texts into token ids [N × SeqLen] and TF-IDF vectors [N × V].</summary>
    public EncodedText Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var seqLen = SequenceLength;
        var v = VocabularySize;
        var ids = new long[(long)texts.Count * seqLen];
        var tfIdf = new double[(long)texts.Count * v];
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"texts[{i}] is null.", nameof(texts));
            }
            var row = ids.AsSpan(i * seqLen, seqLen);
            Vocabulary.Encode(Tokenize(texts[i]), row);
            TfIdf.Transform<long>(row, tfIdf.AsSpan(i * v, v));
        }
        return new EncodedText(texts.Count, seqLen, v, ids, tfIdf);
    }

    /// <summary>Serialises options, vocabulary and idf table as JSON (full double precision).</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["format"] = JsonFormat,
            ["options"] = new JsonObject
            {
                ["seqLen"] = Options.SeqLen,
                ["lowerCase"] = Options.LowerCase,
                ["minFrequency"] = Options.MinFrequency,
                ["maxFrequency"] = Options.MaxFrequency,
                ["maxVocabularySize"] = Options.MaxVocabularySize,
                ["stopWords"] = new JsonArray(Options.StopWords.Order(StringComparer.Ordinal).Select(w => (JsonNode?)w).ToArray()),
            },
            ["vocabulary"] = Vocabulary.ToJsonNode(),
            ["idf"] = TfIdf.ToJsonNode(),
        };
        return root.ToJsonString(JsonFormatting.Options);
    }

    /// <summary>Reads a pipeline written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">Malformed JSON, wrong format tag, or missing/invalid parts.</exception>
    public static TextPipeline FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("Pipeline JSON must be an object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Pipeline JSON is malformed: {e.Message}", e);
        }
        if ((string?)root["format"] != JsonFormat)
        {
            throw new FormatException($"Pipeline JSON must have \"format\": \"{JsonFormat}\".");
        }
        var o = root["options"] as JsonObject ?? throw new FormatException("Pipeline JSON lacks \"options\".");
        PipelineOptions options;
        try
        {
            options = new PipelineOptions
            {
                SeqLen = Required<int>(o, "seqLen"),
                LowerCase = Required<bool>(o, "lowerCase"),
                MinFrequency = Required<int>(o, "minFrequency"),
                MaxFrequency = Required<int>(o, "maxFrequency"),
                MaxVocabularySize = o["maxVocabularySize"] is null ? null : Required<int>(o, "maxVocabularySize"),
                StopWords = (o["stopWords"] as JsonArray ?? throw new FormatException("Pipeline options lack \"stopWords\"."))
                    .Select(n => (string?)n ?? throw new FormatException("Stop words must be strings."))
                    .ToHashSet(StringComparer.Ordinal),
            };
            return FromParts(options, Vocabulary.FromJsonNode(root["vocabulary"]), TfIdf.FromJsonNode(root["idf"]));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"Pipeline JSON is invalid: {e.Message}", e);
        }
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temporary, ToJson(), new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a pipeline saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not a valid pipeline; the message names it.</exception>
    public static TextPipeline Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Text pipeline file '{path}' does not exist.", path);
        }
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    private static T Required<T>(JsonObject o, string name)
    {
        if (o[name] is not JsonValue v || !v.TryGetValue<T>(out var value))
        {
            throw new FormatException($"Pipeline option \"{name}\" is missing or not a {typeof(T).Name}.");
        }
        return value;
    }

    private static IReadOnlyList<string> RemoveStopWords(IReadOnlyList<string> tokens, IReadOnlySet<string> stopWords) =>
        stopWords.Count == 0 ? tokens : tokens.Where(t => !stopWords.Contains(t)).ToList();
}
