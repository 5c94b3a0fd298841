using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Qdcnn.Models;
using Qdcnn.Text;
using Qdcnn.Text.Data;

namespace Qdcnn.Training;

/// <summary>
/// A trained model saved as a folder:
/// <list type="bullet">
/// <item><c>model.json</c> — format tag, registry name, <see cref="ModelConfig"/>, parameter count;</item>
/// <item><c>weights.bin</c> — the state_dict (<see cref="ModelWeights"/>, bit-exact);</item>
/// <item><c>pipeline.json</c> — vocabulary, idf table and pipeline options (<see cref="TextPipeline.ToJson"/>);</item>
/// <item><c>labels.json</c> — the label map (<see cref="LabelMap.ToJson"/>).</item>
/// </list>
/// The folder is written into a staging folder and renamed, so a failure leaves nothing behind.
/// </summary>
public static class Checkpoint
{
    /// <summary>The <c>format</c> tag of <c>model.json</c>.</summary>
    public const string Format = "qdcnn-checkpoint/1";

    /// <summary>File names inside a checkpoint folder.</summary>
    public const string ModelFile = "model.json", WeightsFile = "weights.bin", PipelineFile = "pipeline.json", LabelsFile = "labels.json";

    private static readonly JsonSerializerOptions ConfigJson = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <paramref name="trained"/> to a new folder <paramref name="directory"/> (absent or empty).</summary>
    /// <exception cref="IOException">The folder exists and is not empty.</exception>
    public static void Save(TrainedModel trained, string directory)
    {
        ArgumentNullException.ThrowIfNull(trained);
        AtomicFile.WriteDirectory(directory, staging => WriteInto(trained, staging));
    }

    /// <summary>Writes the four files into an existing folder (used inside an enclosing atomic write).</summary>
    public static void WriteInto(TrainedModel trained, string folder)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var model = new JsonObject
        {
            ["format"] = Format,
            ["model"] = trained.Model.Name,
            ["parameterCount"] = trained.Model.ParameterCount,
            ["config"] = JsonSerializer.SerializeToNode(trained.Model.Config, ConfigJson),
        };
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelFile), model.ToJsonString(ConfigJson));
        ModelWeights.Save(trained.Model, Path.Combine(folder, WeightsFile));
        trained.Pipeline.Save(Path.Combine(folder, PipelineFile));
        File.WriteAllText(Path.Combine(folder, LabelsFile), trained.Labels.ToJson());
    }

    /// <summary>Rebuilds the model named in <c>model.json</c> and loads weights, pipeline and labels.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the four files is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or does not fit the model; the message names it.</exception>
    public static TrainedModel Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Checkpoint folder '{directory}' does not exist.");
        string modelPath = RequireFile(directory, ModelFile);
        string weightsPath = RequireFile(directory, WeightsFile);
        string pipelinePath = RequireFile(directory, PipelineFile);
        string labelsPath = RequireFile(directory, LabelsFile);

        string name;
        ModelConfig config;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(modelPath)) as JsonObject
                ?? throw new InvalidDataException("not a JSON object");
            if ((string?)root["format"] != Format)
                throw new InvalidDataException($"\"format\" must be \"{Format}\"");
            name = (string?)root["model"] ?? throw new InvalidDataException("no \"model\" name");
            config = root["config"].Deserialize<ModelConfig>(ConfigJson) ?? throw new InvalidDataException("no \"config\"");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{modelPath}: {e.Message}", e);
        }

        TextPipeline pipeline;
        LabelMap labels;
        try
        {
            pipeline = TextPipeline.Load(pipelinePath);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        try
        {
            labels = LabelMap.FromJson(File.ReadAllText(labelsPath));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{labelsPath}: {e.Message}", e);
        }
        if (labels.Count != config.NumClasses)
            throw new InvalidDataException($"{labelsPath}: {labels.Count} labels but the model has {config.NumClasses} classes.");
        if (pipeline.VocabularySize != config.VocabSize)
            throw new InvalidDataException($"{pipelinePath}: vocabulary size {pipeline.VocabularySize} but the model expects {config.VocabSize}.");

        TextClassifier model;
        try
        {
            model = ModelFactory.Create(name, config);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{modelPath}: {e.Message}", e);
        }
        try
        {
            ModelWeights.Load(model, weightsPath);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return new TrainedModel(model, pipeline, labels);
    }

    private static string RequireFile(string directory, string name)
    {
        string path = Path.Combine(directory, name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Checkpoint '{directory}' has no {name}; is it a folder written by 'qdcnn train'?", path);
        return path;
    }
}
