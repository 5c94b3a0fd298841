using Qdcnn.Models.Checkpoints;
using Qdcnn.Models.Quantum.Chain;
using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models.Quantum;

/// <summary>Which convolution the word branch of a quantum MSFF model stacks.</summary>
public enum QuantumConvKind
{
    /// <summary>Quantum depthwise convolution: one 3-qubit kernel shared by all channels (MSFF-QDConv).</summary>
    Depthwise,

    /// <summary>Standard quantum convolution: n² kernels mixing channels (MSFF-QConv).</summary>
    Standard,
}

/// <summary>
/// The quantum MSFF pipeline (../shared/reference/MSFF-SPEC.md, "Forward pass"), shared by
/// <see cref="MsffQDConv"/>, <see cref="MsffQConv"/>, <see cref="MsffWord"/> and <see cref="MsffSentence"/>.
/// </summary>
/// <remarks>
/// With n = ⌈log2 V⌉ qubits:
/// <list type="number">
/// <item>word branch: quantum embedding of each token (each distinct id once per batch) → [B, ℓ, n] → transpose to
/// [B, n, ℓ] → L quantum conv layers (no activation) → mean over positions → [B, n];</item>
/// <item>sentence branch: quantum embedding of the TF-IDF vector → [B, n];</item>
/// <item>fusion: element-wise sum (or the one branch present); quantum fully connected layer → logits ⟨Z_0⟩…⟨Z_{C−1}⟩.</item>
/// </list>
/// state_dict names equal the authors' checkpoint keys: <c>we_mapping.embedding.m_para</c> [rep·n],
/// <c>se_mapping.embedding.m_para</c> [rep·n], <c>conv1d.kernels.&lt;i&gt;.m_para</c> [3·depth] (L = 1) or
/// <c>conv1d_1…</c>, <c>conv1d_2…</c> (L &gt; 1), <c>fc.linear.m_para</c> [n + 1].
/// Initialisation: every angle U(0, 2π) from the model's generator seeded with <see cref="ModelConfig.Seed"/>, in
/// the order word embedding, sentence embedding, conv layers (kernel order), fully connected.
/// Execution: <see cref="forward"/> evaluates the whole pipeline as one autograd function (the fused chain,
/// <see cref="UseFusedChain"/>) over the same modules and parameters; the per-layer modules are the reference path.
/// </remarks>
public abstract class MsffQuantumModel : TextClassifier, IReferenceWeightsLoadable
{
    private readonly QuantumEmbedding? _wordEmbedding;
    private readonly QuantumEmbedding? _sentenceEmbedding;
    private readonly nn.Module<Tensor, Tensor>[] _convLayers;
    private readonly QuantumFullyConnected _classifier;
    private readonly MsffQuantumChain _chain;

    /// <summary>Builds and registers the branches this variant has.</summary>
    /// <param name="name">Registry name.</param>
    /// <param name="config">Configuration (V, C, seq_len, rep, H, L, depth, dtype, seed; kernel size must be 3).</param>
    /// <param name="wordConv">The word branch's convolution, or null for no word branch.</param>
    /// <param name="sentenceBranch">Whether the model has the sentence branch.</param>
    protected MsffQuantumModel(string name, ModelConfig config, QuantumConvKind? wordConv, bool sentenceBranch)
        : base(name, config)
    {
        if (config.KernelSize != MsffCircuits.KernelQubits)
            throw new ArgumentException(
                $"ModelConfig.KernelSize must be {MsffCircuits.KernelQubits} for quantum convolutions (one qubit per window position); got {config.KernelSize}.",
                nameof(config));
        if (wordConv is null && !sentenceBranch) throw new ArgumentException("A model needs at least one branch.", nameof(sentenceBranch));
        int vocab = config.VocabSize, n = config.NumQubits;
        ConvKind = wordConv;
        using var generator = SeededInit.CreateGenerator(config.Seed);

        if (wordConv is not null)
        {
            _wordEmbedding = new QuantumEmbedding(vocab, config.EmbeddingLayers, config.HadamardAfterEncoding, generator, config.Dtype);
            register_module("we_mapping", _wordEmbedding);
        }
        if (sentenceBranch)
        {
            _sentenceEmbedding = new QuantumEmbedding(vocab, config.EmbeddingLayers, config.HadamardAfterEncoding, generator, config.Dtype);
            register_module("se_mapping", _sentenceEmbedding);
        }
        _convLayers = wordConv is null
            ? []
            : Enumerable.Range(0, config.ConvLayers).Select(_ => wordConv == QuantumConvKind.Depthwise
                ? (nn.Module<Tensor, Tensor>)new QuantumDepthwiseConv1d(n, config.ConvDepth, generator, dtype: config.Dtype)
                : new QuantumConv1d(n, config.ConvDepth, generator, config.Dtype)).ToArray();
        for (int l = 0; l < _convLayers.Length; l++)
            register_module(ReferenceModelWeights.ConvLayerPrefix(l, _convLayers.Length), _convLayers[l]);
        _classifier = new QuantumFullyConnected(n, config.NumClasses, generator, config.Dtype);
        register_module("fc", _classifier);
        _chain = new MsffQuantumChain(_wordEmbedding, _sentenceEmbedding, _convLayers.Select(ChainConv).ToArray(), _classifier, config.SeqLen);
    }

    private static MsffChainConv ChainConv(nn.Module<Tensor, Tensor> layer) => layer switch
    {
        QuantumDepthwiseConv1d { KernelPerChannel: false } d => new MsffChainConv(d.Bank.Shared, Standard: false, [d.Bank.Kernels[0].Weights]),
        QuantumConv1d s => new MsffChainConv(s.Bank.Bank, Standard: true, s.Bank.Kernels.Select(k => k.Weights).ToArray()),
        _ => throw new InvalidOperationException($"The quantum chain has no form for {layer.GetType().Name}."),
    };

    /// <summary>Sub-modules are registered explicitly under their state_dict names; this turns off TorchSharp's
    /// reflection-based registration of module-typed fields, which would add them again under the field names.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>The word branch's convolution kind, or null when the model has no word branch.</summary>
    public QuantumConvKind? ConvKind { get; }

    /// <summary>Whether the model has the word branch.</summary>
    public bool HasWordBranch => _wordEmbedding is not null;

    /// <summary>Whether the model has the sentence branch.</summary>
    public bool HasSentenceBranch => _sentenceEmbedding is not null;

    /// <summary>
    /// Whether <see cref="forward"/> runs the whole quantum chain as one autograd function (default: one native call per
    /// stage, glue on managed arrays, one autograd node per batch) rather than the per-layer modules. Both compute the
    /// same logits and gradients (up to rounding); the per-layer path is the reference. The per-layer path also runs,
    /// whatever this says, under an active <see cref="QuantumExecutionContext"/> (noise and shots are applied per layer),
    /// when the TF-IDF vectors require grad (the chain differentiates the angles only), or when a tensor is not on the CPU
    /// or not of one float element type (it then reports the problem).
    /// </summary>
    public bool UseFusedChain { get; set; } = true;

    /// <summary>Logits [B, C] (⟨Z⟩ of the class qubits) for a batch whose sequences have length <see cref="ModelConfig.SeqLen"/>.</summary>
    public override Tensor forward(TextBatch batch)
    {
        CheckBatch(batch, exactSeqLen: true);
        var dtype = _classifier.Weights.dtype;
        return UseFusedChain && _chain.CanRun(batch, dtype) ? _chain.Run(batch, dtype) : ForwardPerLayer(batch);
    }

    /// <summary>The reference path: each layer module in turn, each quantum layer its own autograd node.</summary>
    private Tensor ForwardPerLayer(TextBatch batch)
    {
        using var scope = NewDisposeScope();
        Tensor? features = null;
        if (_wordEmbedding is not null)
        {
            Tensor words = _wordEmbedding.EmbedTokens(batch.TokenIds).transpose(1, 2); // [B, n, ℓ]
            foreach (var conv in _convLayers) words = conv.forward(words);
            features = words.mean([2]);                                                // [B, n]
        }
        if (_sentenceEmbedding is not null)
        {
            Tensor tfIdf = batch.TfIdf.dtype == Config.Dtype ? batch.TfIdf : batch.TfIdf.to_type(Config.Dtype);
            Tensor sentence = _sentenceEmbedding.forward(tfIdf);                       // [B, n]
            features = features is null ? sentence : features + sentence;
        }
        return _classifier.forward(features!).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Copies the authors' trained angles (pyvqnet <c>m_para</c> vectors) into this model's branches. The flat
    /// layouts are the ones this model uses (embedding w[l, k] at l·n + k, kernel θ[d, j] at d·3 + j), which
    /// reproduce the reference scores.
    /// </summary>
    /// <exception cref="InvalidDataException">A tensor's shape does not fit this model's configuration.</exception>
    /// <exception cref="KeyNotFoundException">A tensor is missing.</exception>
    public void LoadReferenceWeights(ReferenceModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var _ = no_grad();
        if (_wordEmbedding is not null) Copy(weights, "we_mapping.embedding.m_para", _wordEmbedding.Weights);
        if (_sentenceEmbedding is not null) Copy(weights, "se_mapping.embedding.m_para", _sentenceEmbedding.Weights);
        for (int l = 0; l < _convLayers.Length; l++)
        {
            string prefix = ReferenceModelWeights.ConvLayerPrefix(l, _convLayers.Length);
            var kernels = _convLayers[l] switch
            {
                QuantumDepthwiseConv1d d => d.Bank.Kernels,
                QuantumConv1d s => s.Bank.Kernels,
                _ => throw new InvalidOperationException("Unknown convolution layer."),
            };
            for (int i = 0; i < kernels.Count; i++) Copy(weights, $"{prefix}.kernels.{i}.m_para", kernels[i].Weights);
        }
        Copy(weights, "fc.linear.m_para", _classifier.Weights);
    }

    private void Copy(ReferenceModelWeights weights, string name, Tensor destination)
    {
        weights[name].RequireShape(destination.shape);
        using var values = weights.ToTensor(name, Config.Dtype);
        destination.copy_(values);
    }
}
