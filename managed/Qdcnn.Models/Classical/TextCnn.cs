using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Models.Classical;

/// <summary>
/// Kim's (2014) TextCNN baseline, CNN-rand variant: Embedding(V, E) → for each filter width w,
/// Conv1d(E, F, w) + ReLU + max over time → concatenation [B, F·widths] → dropout → Linear → logits.
/// Reads only the token ids. Sequences shorter than the widest filter (MC/RP have seq_len 6/5) are
/// right-padded with PAD so every width yields at least one position.
/// </summary>
/// <remarks>
/// Hyper-parameters: <see cref="ModelConfig.TextCnn"/>. state_dict names: <c>embedding.weight</c>,
/// <c>conv_w&lt;w&gt;.weight</c>/<c>.bias</c> per width, <c>fc.weight</c>/<c>.bias</c>.
/// Initialisation (seeded): embedding N(0,1), convolutions and classifier U(±1/√fan_in).
/// Dropout draws from libtorch's process-wide RNG while training.
/// </remarks>
public sealed class TextCnn : TextClassifier
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "textcnn";

    private readonly Embedding _embedding;
    private readonly Conv1d[] _convolutions;
    private readonly Dropout _dropout;
    private readonly Linear _classifier;
    private readonly int _widestFilter;

    /// <summary>Builds a seeded model.</summary>
    public TextCnn(ModelConfig config) : base(RegistryName, config)
    {
        var options = config.TextCnn;
        _embedding = nn.Embedding(config.VocabSize, options.EmbeddingDim, dtype: config.Dtype);
        _convolutions = options.FilterWidths
            .Select(w => nn.Conv1d(options.EmbeddingDim, options.FiltersPerWidth, w, dtype: config.Dtype))
            .ToArray();
        _dropout = nn.Dropout(options.Dropout);
        _classifier = nn.Linear(options.FiltersPerWidth * options.FilterWidths.Count, config.NumClasses, dtype: config.Dtype);
        _widestFilter = options.FilterWidths.Max();

        register_module("embedding", _embedding);
        for (int i = 0; i < _convolutions.Length; i++)
            register_module($"conv_w{options.FilterWidths[i]}", _convolutions[i]);
        register_module("dropout", _dropout);
        register_module("fc", _classifier);

        using var generator = SeededInit.CreateGenerator(config.Seed);
        SeededInit.StandardNormal(_embedding.weight!, generator);
        for (int i = 0; i < _convolutions.Length; i++)
        {
            long fanIn = (long)options.EmbeddingDim * options.FilterWidths[i];
            SeededInit.FanInUniform(_convolutions[i].weight!, fanIn, generator);
            SeededInit.FanInUniform(_convolutions[i].bias!, fanIn, generator);
        }
        SeededInit.Linear(_classifier, generator);
    }

    /// <summary>Logits [B, C]; any sequence length ≥ 1 is accepted.</summary>
    public override Tensor forward(TextBatch batch)
    {
        CheckBatch(batch, exactSeqLen: false);
        using var scope = NewDisposeScope();
        Tensor ids = batch.TokenIds;
        if (ids.shape[1] < _widestFilter)
            ids = nn.functional.pad(ids, [0, _widestFilter - ids.shape[1]], value: TextBatch.PadId);
        Tensor embedded = _embedding.forward(ids).transpose(1, 2); // [B, E, ℓ]
        var pooled = _convolutions
            .Select(conv => nn.functional.relu(conv.forward(embedded)).amax([2])) // [B, F] each
            .ToArray();
        Tensor features = _dropout.forward(cat(pooled, 1));
        return _classifier.forward(features).MoveToOuterDisposeScope();
    }
}
