using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qdcnn.Training;

/// <summary>The JSON report of <c>qdcnn train</c> (System.Text.Json, camelCase).</summary>
public sealed record TrainingReport
{
    /// <summary>Report format tag.</summary>
    public string Format { get; init; } = "qdcnn-training-report/1";

    /// <summary>Model registry name.</summary>
    public required string Model { get; init; }

    /// <summary>Preset the hyper-parameters started from.</summary>
    public required string Preset { get; init; }

    /// <summary>Where the data came from.</summary>
    public required string Data { get; init; }

    /// <summary>How the reported model was chosen.</summary>
    public required string Selection { get; init; }

    /// <summary>Whether the paper's best-on-test figure was also computed.</summary>
    public bool PaperProtocol { get; init; }

    /// <summary>The label of the paper-protocol figures, when present.</summary>
    public string? PaperProtocolLabel { get; init; }

    /// <summary>Schedule used.</summary>
    public required HyperParameters HyperParameters { get; init; }

    /// <summary>One entry per seed.</summary>
    public required IReadOnlyList<RunReport> Runs { get; init; }

    /// <summary>Mean ± std over seeds.</summary>
    public required SummaryReport Summary { get; init; }

    /// <summary>Serialisation settings: indented camelCase, nulls omitted.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Builds the report of a finished multi-seed training.</summary>
    public static TrainingReport From(ExperimentSettings settings, string data, IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("No runs to report.", nameof(runs));
        var t = settings.Training;
        bool paper = t.PaperProtocol;
        return new TrainingReport
        {
            Model = settings.ModelName,
            Preset = settings.Preset.Name,
            Data = data,
            Selection = $"epoch with the best validation accuracy ({runs[0].ValidationSource}); test set scored only after selection",
            PaperProtocol = paper,
            PaperProtocolLabel = paper ? Experiment.PaperProtocolLabel : null,
            HyperParameters = new HyperParameters(t.LearningRate, t.Beta1, t.Beta2, t.Epsilon, t.BatchSize, t.Epochs,
                t.Dtype.ToString().ToLowerInvariant(), t.Threads, settings.Pipeline.SeqLen, runs[0].Trained.Model.Config.VocabSize),
            Runs = runs.Select(RunReport.From).ToList(),
            Summary = SummaryReport.From(runs, paper),
        };
    }
}

/// <summary>The schedule and data shape of a report.</summary>
public sealed record HyperParameters(double LearningRate, double Beta1, double Beta2, double Epsilon, int BatchSize, int Epochs,
    string Dtype, int? Threads, int SeqLen, int VocabularySize);

/// <summary>One seed's figures.</summary>
public sealed record RunReport
{
    /// <summary>Seed.</summary>
    public long Seed { get; init; }

    /// <summary>Trainable parameters.</summary>
    public long ParameterCount { get; init; }

    /// <summary>Epoch selected on validation (1-based).</summary>
    public int SelectedEpoch { get; init; }

    /// <summary>Validation accuracy of the selected epoch.</summary>
    public double SelectedValidationAccuracy { get; init; }

    /// <summary>Test accuracy of the selected model.</summary>
    public double TestAccuracySelected { get; init; }

    /// <summary>Test accuracy of the last epoch's model.</summary>
    public double TestAccuracyLastEpoch { get; init; }

    /// <summary>Best-on-test epoch (paper protocol, optimistic), when computed.</summary>
    public int? PaperProtocolBestEpoch { get; init; }

    /// <summary>Best-on-test accuracy (paper protocol, optimistic), when computed.</summary>
    public double? PaperProtocolBestTestAccuracy { get; init; }

    /// <summary>Training wall time, seconds.</summary>
    public double TrainSeconds { get; init; }

    /// <summary>Mean seconds per epoch.</summary>
    public double SecondsPerEpoch { get; init; }

    /// <summary>Inference throughput on the test set (sentences per second, selected model).</summary>
    public double InferenceSentencesPerSecond { get; init; }

    /// <summary>Per-epoch curves.</summary>
    public required IReadOnlyList<EpochMetrics> Epochs { get; init; }

    /// <summary>The report entry of <paramref name="run"/>.</summary>
    public static RunReport From(RunResult run) => new()
    {
        Seed = run.Seed,
        ParameterCount = run.Trained.Model.ParameterCount,
        SelectedEpoch = run.SelectedEpoch,
        SelectedValidationAccuracy = run.Epochs[run.SelectedEpoch - 1].ValidationAccuracy,
        TestAccuracySelected = run.SelectedTest.Accuracy,
        TestAccuracyLastEpoch = run.LastEpochTest.Accuracy,
        PaperProtocolBestEpoch = run.PaperProtocolBestEpoch,
        PaperProtocolBestTestAccuracy = run.PaperProtocolBestTestAccuracy,
        TrainSeconds = run.TrainSeconds,
        SecondsPerEpoch = run.TrainSeconds / run.Epochs.Count,
        InferenceSentencesPerSecond = run.SelectedTest.SentencesPerSecond,
        Epochs = run.Epochs,
    };
}

/// <summary>Mean ± std over seeds.</summary>
public sealed record SummaryReport(int Seeds, MeanStd TestAccuracySelected, MeanStd TestAccuracyLastEpoch, MeanStd? PaperProtocolBestTestAccuracy,
    string? PaperProtocolLabel, MeanStd TrainSeconds, MeanStd InferenceSentencesPerSecond, long ParameterCount)
{
    /// <summary>Summarises <paramref name="runs"/>.</summary>
    public static SummaryReport From(IReadOnlyList<RunResult> runs, bool paperProtocol) => new(
        runs.Count,
        MeanStd.Of(runs.Select(r => r.SelectedTest.Accuracy).ToList()),
        MeanStd.Of(runs.Select(r => r.LastEpochTest.Accuracy).ToList()),
        paperProtocol ? MeanStd.Of(runs.Select(r => r.PaperProtocolBestTestAccuracy ?? double.NaN).ToList()) : null,
        paperProtocol ? Experiment.PaperProtocolLabel : null,
        MeanStd.Of(runs.Select(r => r.TrainSeconds).ToList()),
        MeanStd.Of(runs.Select(r => r.SelectedTest.SentencesPerSecond).ToList()),
        runs[0].Trained.Model.ParameterCount);
}
