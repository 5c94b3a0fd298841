using Qdcnn.Models.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Models.Classical;

/// <summary>
/// The classical counterpart of MSFF-QDConv (spec, "Classical counterparts"), shared by
/// <see cref="MsffDConv"/> and <see cref="MsffConv"/>, which differ only in their convolution layers.
/// </summary>
/// <remarks>
/// Forward pass, with n = ⌈log2 V⌉ channels:
/// <list type="number">
/// <item>word branch: Embedding(V, n) of each token → [B, ℓ, n] → transpose to [B, n, ℓ] → L × (conv, ReLU)
/// → mean over positions → [B, n];</item>
/// <item>sentence branch: Linear(V, n) on the TF-IDF vector → [B, n];</item>
/// <item>fusion: element-wise sum; classifier: Linear(n, C) → logits.</item>
/// </list>
/// Parameter count = V·n (embedding) + V·n + n (sentence) + conv layers + n·C + C (classifier).
/// state_dict names: <c>we_mapping.weight</c> [V, n], <c>se_mapping.weight</c> [n, V], <c>se_mapping.bias</c>,
/// <c>conv1d_&lt;l&gt;.weight</c> [out, in, k], <c>conv1d_&lt;l&gt;.bias</c> (l = 1…L), <c>fc.weight</c> [C, n], <c>fc.bias</c>.
/// Initialisation (seeded, in this order): embedding N(0,1); Linear and conv layers U(±1/√fan_in).
/// </remarks>
public abstract class MsffClassicalModel : TextClassifier, IReferenceWeightsLoadable
{
    private readonly Embedding _wordEmbedding;
    private readonly Linear _sentenceMapping;
    private readonly WordConvLayer[] _convLayers;
    private readonly Linear _classifier;

    /// <summary>Builds the layers, registers them under their state_dict names and initialises them from <see cref="ModelConfig.Seed"/>.</summary>
    /// <param name="name">Registry name.</param>
    /// <param name="config">Configuration (V, C, seq_len, L, kernel size, dtype, seed are used).</param>
    /// <param name="createConvLayer">Builds one word-branch convolution for n channels.</param>
    protected MsffClassicalModel(string name, ModelConfig config, Func<int, ModelConfig, WordConvLayer> createConvLayer)
        : base(name, config)
    {
        int vocab = config.VocabSize, channels = config.NumQubits;
        _wordEmbedding = nn.Embedding(vocab, channels, dtype: config.Dtype);
        _sentenceMapping = nn.Linear(vocab, channels, dtype: config.Dtype);
        _convLayers = Enumerable.Range(0, config.ConvLayers).Select(_ => createConvLayer(channels, config)).ToArray();
        _classifier = nn.Linear(channels, config.NumClasses, dtype: config.Dtype);

        register_module("we_mapping", _wordEmbedding);
        register_module("se_mapping", _sentenceMapping);
        for (int l = 0; l < _convLayers.Length; l++) register_module($"conv1d_{l + 1}", _convLayers[l]);
        register_module("fc", _classifier);

        using var generator = SeededInit.CreateGenerator(config.Seed);
        SeededInit.StandardNormal(_wordEmbedding.weight!, generator);
        SeededInit.Linear(_sentenceMapping, generator);
        foreach (var conv in _convLayers) conv.Initialize(generator);
        SeededInit.Linear(_classifier, generator);
    }

    /// <summary>Logits [B, C] for a batch whose sequences have length <see cref="ModelConfig.SeqLen"/>.</summary>
    public override Tensor forward(TextBatch batch)
    {
        CheckBatch(batch, exactSeqLen: true);
        using var scope = NewDisposeScope();
        Tensor words = _wordEmbedding.forward(batch.TokenIds).transpose(1, 2); // [B, n, ℓ]
        foreach (var conv in _convLayers) words = nn.functional.relu(conv.forward(words));
        Tensor wordFeatures = words.mean([2]);                                   // [B, n]
        Tensor tfIdf = batch.TfIdf.dtype == Config.Dtype ? batch.TfIdf : batch.TfIdf.to_type(Config.Dtype);
        Tensor sentenceFeatures = _sentenceMapping.forward(tfIdf);                // [B, n]
        return _classifier.forward(wordFeatures + sentenceFeatures).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Copies the authors' trained weights into this model. Linear weights are stored [in, out] and are
    /// transposed; conv weights [out, in, k, 1] lose their last axis; the embedding table is [V, n].
    /// </summary>
    /// <exception cref="InvalidDataException">A tensor's shape does not fit this model's configuration.</exception>
    /// <exception cref="KeyNotFoundException">A tensor is missing.</exception>
    public void LoadReferenceWeights(ReferenceModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        long vocab = Config.VocabSize, channels = Config.NumQubits, classes = Config.NumClasses;
        using var _ = no_grad();
        using var scope = NewDisposeScope();

        weights["we_mapping.weights"].RequireShape(vocab, channels);
        _wordEmbedding.weight!.copy_(weights.ToTensor("we_mapping.weights", Config.Dtype));
        weights["se_mapping.weights"].RequireShape(vocab, channels);
        _sentenceMapping.weight!.copy_(weights.ToTensor("se_mapping.weights", Config.Dtype).t());
        weights["se_mapping.bias"].RequireShape(channels);
        _sentenceMapping.bias!.copy_(weights.ToTensor("se_mapping.bias", Config.Dtype));

        for (int l = 0; l < _convLayers.Length; l++)
        {
            var conv = _convLayers[l];
            string prefix = ReferenceModelWeights.ConvLayerPrefix(l, _convLayers.Length);
            long[] kernel = conv.Weight.shape;
            weights[$"{prefix}.weights"].RequireShape(kernel[0], kernel[1], kernel[2], 1);
            conv.Weight.copy_(weights.ToTensor($"{prefix}.weights", Config.Dtype).squeeze(-1));
            weights[$"{prefix}.bias"].RequireShape(kernel[0]);
            conv.Bias.copy_(weights.ToTensor($"{prefix}.bias", Config.Dtype));
        }

        weights["fc.weights"].RequireShape(channels, classes);
        _classifier.weight!.copy_(weights.ToTensor("fc.weights", Config.Dtype).t());
        weights["fc.bias"].RequireShape(classes);
        _classifier.bias!.copy_(weights.ToTensor("fc.bias", Config.Dtype));
    }
}
