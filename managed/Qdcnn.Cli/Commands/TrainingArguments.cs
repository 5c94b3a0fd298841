using System.CommandLine;
using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary>The options <c>train</c> and <c>compare</c> share: data, preset, schedule overrides, seeds, precision, threads.</summary>
internal sealed class TrainingArguments
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Dataset: a folder with train/[dev]/test files, one file (split 80/20), 'uci-sentences', or nothing for the embedded generated corpus.",
    };

    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = "Hyper-parameters: the spec's mc (lr 0.05, batch 8, 40 epochs, seq_len 6) or rp (batch 6, 100 epochs, seq_len 5, rep 5, H, L 2, depth 2), "
            + "or embedded (lr 0.05, batch 8, 30 epochs, seq_len 6, rep 5, L 2, depth 2; chosen on the generated corpus's dev split). "
            + "Default: embedded without --data, mc with it.",
    };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Epochs (overrides the preset).", CustomParser = OptionParsing.WholeNumber };

    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Mini-batch size (overrides the preset).", CustomParser = OptionParsing.WholeNumber };

    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Adam learning rate (overrides the preset).", CustomParser = OptionParsing.Number };

    public Option<int?> SeqLen { get; } = new("--seq-len") { Description = "Sequence length (overrides the preset).", CustomParser = OptionParsing.WholeNumber };

    public Option<string?> Seeds { get; } = new("--seeds") { Description = "A count N (seeds 1..N) or a list such as 1,2,3. Default 1." };

    public Option<string?> Dtype { get; } = new("--dtype") { Description = "float64 (default) or float32." };

    public Option<int?> Threads { get; } = new("--threads") { Description = "libtorch threads (default 1: fastest for these small models; 0 = libtorch's own choice).", CustomParser = OptionParsing.WholeNumber };

    public Option<bool> PaperProtocol { get; } = new("--paper-protocol")
    {
        Description = "Also report the paper's best-test-epoch figure, labelled 'best-on-test (paper protocol, optimistic)'. Never used for selection.",
    };

    public Option<double?> ValidationFraction { get; } = new("--validation-fraction")
    {
        Description = "Without a dev file: the stratified fraction of train held out for model selection (default 0.2).",
        CustomParser = OptionParsing.Number,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Preset, Epochs, BatchSize, LearningRate, SeqLen, Seeds, Dtype, Threads, PaperProtocol, ValidationFraction })
            command.Add(option);
    }

    /// <summary>The settings for <paramref name="model"/> with the preset and overrides applied (validated).</summary>
    public ExperimentSettings Settings(ParseResult result, string model)
    {
        string? presetName = result.GetValue(Preset);
        var preset = presetName is null ? TrainingPreset.DefaultFor(result.GetValue(Data)) : OptionParsing.Preset(presetName);
        var training = preset.Training with
        {
            Epochs = result.GetValue(Epochs) ?? preset.Training.Epochs,
            BatchSize = result.GetValue(BatchSize) ?? preset.Training.BatchSize,
            LearningRate = result.GetValue(LearningRate) ?? preset.Training.LearningRate,
            Dtype = OptionParsing.Dtype(result.GetValue(Dtype)),
            Threads = result.GetValue(Threads) is int t ? (t == 0 ? null : t) : preset.Training.Threads,
            PaperProtocol = result.GetValue(PaperProtocol),
            ValidationFraction = result.GetValue(ValidationFraction) ?? preset.Training.ValidationFraction,
        };
        var pipeline = preset.Pipeline with { SeqLen = result.GetValue(SeqLen) ?? preset.Pipeline.SeqLen };
        try
        {
            training.Validate();
            pipeline.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(ErrorReporter.WithoutParameterSuffix(e));
        }
        return new ExperimentSettings(model, preset, training, pipeline);
    }

    public IReadOnlyList<long> SeedList(ParseResult result) => OptionParsing.Seeds(result.GetValue(Seeds));
}
