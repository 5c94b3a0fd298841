using Qdcnn.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Models.Quantum.Baselines;

/// <summary>
/// QSANN baseline (Li et al. 2022) in the Qdcnn harness: quantum embedding of each token (as the MSFF word
/// branch, n = ⌈log2 V⌉ qubits) → one quantum self-attention layer (<see cref="QuantumSelfAttention"/>, PAD tokens
/// masked) → mean over the real tokens → classical Linear(n, C) → logits, as in the paper's classifier head.
/// state_dict: <c>embedding.embedding.m_para</c>, <c>attention.{query,key,value}.m_para</c>, <c>classifier.weight/bias</c>.
/// </summary>
public sealed class Qsann : TextClassifier, IQdcnnGateCounted
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "qsann";

    /// <summary>Ansatz layers of the query, key and value circuits.</summary>
    public const int AttentionLayers = 2;

    private readonly QuantumEmbedding _embedding;
    private readonly QuantumSelfAttention _attention;
    private readonly Linear _classifier;

    /// <summary>Builds a seeded model (quantum angles U(0, 2π), linear layer from the same generator).</summary>
    public Qsann(ModelConfig config) : base(RegistryName, config)
    {
        int n = config.NumQubits;
        using var generator = SeededInit.CreateGenerator(config.Seed);
        _embedding = new QuantumEmbedding(config.VocabSize, config.EmbeddingLayers, config.HadamardAfterEncoding, generator, config.Dtype);
        _attention = new QuantumSelfAttention(n, AttentionLayers, generator, config.Dtype);
        _classifier = nn.Linear(n, config.NumClasses, dtype: config.Dtype);
        using (no_grad())
        {
            double bound = 1 / Math.Sqrt(n);
            using var w = rand(_classifier.weight!.shape, config.Dtype, generator: generator) * (2 * bound) - bound;
            using var b = rand(_classifier.bias!.shape, config.Dtype, generator: generator) * (2 * bound) - bound;
            _classifier.weight.copy_(w);
            _classifier.bias.copy_(b);
        }
        register_module("embedding", _embedding);
        register_module("attention", _attention);
        register_module("classifier", _classifier);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The attention layer.</summary>
    public QuantumSelfAttention Attention => _attention;

    /// <inheritdoc />
    public GateTally GatesPerSentence =>
        (MsffGateCounts.Embedding(Config.NumQubits, Config.EmbeddingLayers, Config.HadamardAfterEncoding) + _attention.GatesPerToken) * Config.SeqLen;

    /// <summary>Logits [B, C]. A sentence of PAD only attends over all its positions.</summary>
    public override Tensor forward(TextBatch batch)
    {
        CheckBatch(batch, exactSeqLen: false);
        using var scope = NewDisposeScope();
        Tensor ids = batch.TokenIds;
        Tensor mask = ids.ne(TextBatch.PadId);
        mask = mask.logical_or(mask.any(1, keepdim: true).logical_not());    // all-PAD rows: use every position
        Tensor tokens = _embedding.EmbedTokens(ids);                           // [B, L, n]
        Tensor attended = _attention.forward(tokens, mask);                    // [B, L, n]
        Tensor weights = mask.to_type(attended.dtype).unsqueeze(2);
        Tensor pooled = (attended * weights).sum(1) / weights.sum(1);          // mean over real tokens
        return _classifier.forward(pooled).MoveToOuterDisposeScope();
    }
}
