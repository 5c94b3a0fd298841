using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models.Quantum;

/// <summary>
/// The full quantum deep CNN of issue 6, every part switchable through <see cref="QdcnnOptions"/>:
/// <list type="number">
/// <item>word-level branch: quantum embedding of each token → [B, n, ℓ] → for each n-gram width (2 and 3) L quantum
/// depthwise separable convolutions (per-channel kernels + quantum pointwise mixing) → mean over positions →
/// widths averaged → [B, n];</item>
/// <item>sentence-level branch: QCNN with quantum pooling on the amplitude-encoded TF-IDF vector, one circuit → [B, n];</item>
/// <item>fusion: trainable quantum fusion register (features encoded as RY(π·x), <see cref="QdcnnOptions.FusionInputScale"/>) or the sum;
/// then (features × <see cref="QdcnnOptions.ClassifierInputScale"/>, default 1) the MSFF quantum fully connected layer.</item>
/// </list>
/// n = ⌈log2 V⌉. state_dict: <c>word_embedding.embedding.m_para</c>, <c>word_conv.scales.…</c>,
/// <c>sentence_qcnn.qcnn.m_para</c>, <c>fusion.fusion.m_para</c>, <c>fc.linear.m_para</c>. Initialisation: U(0, 2π)
/// from the model's generator (seed <see cref="ModelConfig.Seed"/>) in that order.
/// </summary>
public class QdcnnModel : TextClassifier, IQdcnnGateCounted
{
    private readonly QuantumEmbedding? _wordEmbedding;
    private readonly QuantumMultiScaleWordConv? _wordConv;
    private readonly QuantumSentenceQcnn? _sentence;
    private readonly QuantumFusion? _fusion;
    private readonly QuantumFullyConnected _classifier;

    /// <summary>Builds a seeded model.</summary>
    /// <param name="name">Registry name of this variant.</param>
    /// <param name="config">Sizes (V, C, seq_len, rep, H, L, depth, dtype, seed).</param>
    /// <param name="options">The switches.</param>
    /// <exception cref="ArgumentException">Invalid options, or seq_len too short for the word convolutions.</exception>
    public QdcnnModel(string name, ModelConfig config, QdcnnOptions options) : base(name, config)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        int n = config.NumQubits;
        using var generator = SeededInit.CreateGenerator(config.Seed);
        if (options.Branches != QdcnnBranches.SentenceOnly)
        {
            int needed = options.WordWidths.Max(w => config.ConvLayers * (w - 1) + 1);
            if (config.SeqLen < needed)
                throw new ArgumentException(
                    $"ModelConfig.SeqLen = {config.SeqLen} is too short for {config.ConvLayers} convolution layer(s) of widths {string.Join("/", options.WordWidths)}; need at least {needed}.",
                    nameof(config));
            _wordEmbedding = new QuantumEmbedding(config.VocabSize, config.EmbeddingLayers, config.HadamardAfterEncoding, generator, config.Dtype);
            register_module("word_embedding", _wordEmbedding);
            _wordConv = new QuantumMultiScaleWordConv(n, options.WordWidths, config.ConvLayers, config.ConvDepth,
                options.Pointwise ? options.PointwiseLayers : 0, generator, config.Dtype);
            register_module("word_conv", _wordConv);
        }
        if (options.Branches != QdcnnBranches.WordOnly)
        {
            _sentence = new QuantumSentenceQcnn(config.VocabSize, n, options.Pooling, config.HadamardAfterEncoding, generator, config.Dtype);
            register_module("sentence_qcnn", _sentence);
        }
        if (options.Branches == QdcnnBranches.Both && options.Fusion == QdcnnFusion.Quantum)
        {
            _fusion = new QuantumFusion(n, options.FusionLayers, generator, config.Dtype, options.FusionInputScale, options.FusionReadsBothHalves);
            register_module("fusion", _fusion);
        }
        _classifier = new QuantumFullyConnected(n, config.NumClasses, generator, config.Dtype);
        register_module("fc", _classifier);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The switches this model was built with.</summary>
    public QdcnnOptions Options { get; }

    /// <summary>The word-level convolution, or null without the word branch.</summary>
    public QuantumMultiScaleWordConv? WordConv => _wordConv;

    /// <summary>The sentence QCNN, or null without the sentence branch.</summary>
    public QuantumSentenceQcnn? SentenceQcnn => _sentence;

    /// <summary>The quantum fusion, or null (sum fusion or a single branch).</summary>
    public QuantumFusion? Fusion => _fusion;

    /// <inheritdoc />
    public GateTally GatesPerSentence
    {
        get
        {
            int n = Config.NumQubits;
            var total = MsffGateCounts.FullyConnected(n);
            if (_wordConv is not null)
                total += MsffGateCounts.Embedding(n, Config.EmbeddingLayers, Config.HadamardAfterEncoding) * Config.SeqLen
                    + _wordConv.GatesPerSample(Config.SeqLen);
            if (_sentence is not null) total += _sentence.GatesPerSample;
            if (_fusion is not null) total += _fusion.GatesPerSample;
            return total;
        }
    }

    /// <summary>Logits [B, C] for a batch of sequences of length <see cref="ModelConfig.SeqLen"/>.</summary>
    public override Tensor forward(TextBatch batch)
    {
        CheckBatch(batch, exactSeqLen: true);
        using var scope = NewDisposeScope();
        Tensor? word = null, sentence = null;
        if (_wordEmbedding is not null)
            word = _wordConv!.forward(_wordEmbedding.EmbedTokens(batch.TokenIds).transpose(1, 2));   // [B, n]
        if (_sentence is not null)
            sentence = _sentence.forward(batch.TfIdf.dtype == Config.Dtype ? batch.TfIdf : batch.TfIdf.to_type(Config.Dtype));
        Tensor features = (word, sentence) switch
        {
            ({ } w, { } s) => _fusion is not null ? _fusion.forward(w, s) : w + s,
            ({ } w, null) => w,
            (null, { } s) => s,
            _ => throw new InvalidOperationException("A model needs at least one branch."),
        };
        if (Options.ClassifierInputScale != 1.0) features = features * Options.ClassifierInputScale;
        return _classifier.forward(features).MoveToOuterDisposeScope();
    }
}
