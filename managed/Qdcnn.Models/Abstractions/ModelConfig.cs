using static TorchSharp.torch;

namespace Qdcnn.Models;

/// <summary>
/// Everything needed to build a model of the MSFF family or a baseline (not the training schedule:
/// optimiser, batch size and epochs belong to the trainer). Presets <see cref="Mc"/> and <see cref="Rp"/>
/// are the spec's table (../shared/reference/MSFF-SPEC.md, "Hyper-parameters").
/// </summary>
/// <remarks>
/// For another corpus, start from a preset and set the vocabulary size:
/// <c>ModelConfig.Mc with { VocabSize = vocabulary.Count }</c>; <see cref="NumQubits"/> follows.
/// </remarks>
public sealed record ModelConfig
{
    /// <summary>Vocabulary size V, including UNK (id 0) and PAD (id 1).</summary>
    public required int VocabSize { get; init; }

    /// <summary>
    /// n = ⌈log2 V⌉: qubits of the quantum embeddings, and the embedding width (channels) of every MSFF
    /// model, quantum or classical.
    /// </summary>
    public int NumQubits => QubitsFor(VocabSize);

    /// <summary>Number of classes C.</summary>
    public int NumClasses { get; init; } = 2;

    /// <summary>Sequence length: token ids are truncated or right-padded with PAD to it.</summary>
    public required int SeqLen { get; init; }

    /// <summary>Layers <c>rep</c> of RY + CNOT in each quantum embedding.</summary>
    public int EmbeddingLayers { get; init; } = 1;

    /// <summary>Whether the quantum embeddings apply H on every qubit after amplitude encoding (RP only).</summary>
    public bool HadamardAfterEncoding { get; init; }

    /// <summary>Stacked convolution layers L in the word branch (each shortens the sequence by KernelSize − 1).</summary>
    public int ConvLayers { get; init; } = 1;

    /// <summary>Convolution window (3 in the spec; the quantum kernel has one qubit per position).</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Depth (CNOT ladder + RY layers) of each quantum convolution kernel.</summary>
    public int ConvDepth { get; init; } = 1;

    /// <summary>Element type of parameters and logits: float64 (default; the spec trained in float64) or float32.</summary>
    public ScalarType Dtype { get; init; } = ScalarType.Float64;

    /// <summary>Seed of the model's own generator for initial weights.</summary>
    public long Seed { get; init; }

    /// <summary>Hyper-parameters of the TextCNN baseline (ignored by other models).</summary>
    public TextCnnOptions TextCnn { get; init; } = new();

    /// <summary>MC (meaning classification) preset: V 19, n 5, seq_len 6, rep 1, no H, L 1, depth 1.</summary>
    public static ModelConfig Mc { get; } = new()
    {
        VocabSize = 19, NumClasses = 2, SeqLen = 6, EmbeddingLayers = 1, HadamardAfterEncoding = false,
        ConvLayers = 1, KernelSize = 3, ConvDepth = 1,
    };

    /// <summary>RP (relative pronoun) preset: V 98, n 7, seq_len 5, rep 5, H, L 2, depth 2.</summary>
    public static ModelConfig Rp { get; } = new()
    {
        VocabSize = 98, NumClasses = 2, SeqLen = 5, EmbeddingLayers = 5, HadamardAfterEncoding = true,
        ConvLayers = 2, KernelSize = 3, ConvDepth = 2,
    };

    /// <summary>The preset named <c>mc</c> or <c>rp</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown preset name.</exception>
    public static ModelConfig Preset(string name) => name?.ToLowerInvariant() switch
    {
        "mc" => Mc,
        "rp" => Rp,
        _ => throw new ArgumentException($"Unknown preset '{name}'; known presets: mc, rp.", nameof(name)),
    };

    /// <summary>⌈log2 V⌉ for V ≥ 2: the qubits needed to amplitude-encode a length-V vector.</summary>
    public static int QubitsFor(int vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 2);
        int n = 0;
        while ((1L << n) < vocabSize) n++;
        return n;
    }

    /// <summary>Sequence length left after the word branch's L valid convolutions.</summary>
    public int ConvolvedLength => SeqLen - ConvLayers * (KernelSize - 1);

    /// <summary>Checks every value; the message names the offending property.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        Require(VocabSize >= 3, nameof(VocabSize), $"must be at least 3 (UNK, PAD and one word); got {VocabSize}");
        Require(NumClasses >= 2, nameof(NumClasses), $"must be at least 2; got {NumClasses}");
        Require(SeqLen >= 1, nameof(SeqLen), $"must be at least 1; got {SeqLen}");
        Require(EmbeddingLayers >= 1, nameof(EmbeddingLayers), $"must be at least 1; got {EmbeddingLayers}");
        Require(KernelSize >= 1, nameof(KernelSize), $"must be at least 1; got {KernelSize}");
        Require(ConvLayers >= 1, nameof(ConvLayers), $"must be at least 1; got {ConvLayers}");
        Require(ConvDepth >= 1, nameof(ConvDepth), $"must be at least 1; got {ConvDepth}");
        Require(ConvolvedLength >= 1, nameof(SeqLen),
            $"= {SeqLen} is too short for {ConvLayers} convolution layer(s) of kernel size {KernelSize}");
        Require(Dtype is ScalarType.Float32 or ScalarType.Float64, nameof(Dtype), $"must be Float32 or Float64; got {Dtype}");
        Require(TextCnn.EmbeddingDim >= 1, "TextCnn.EmbeddingDim", $"must be at least 1; got {TextCnn.EmbeddingDim}");
        Require(TextCnn.FiltersPerWidth >= 1, "TextCnn.FiltersPerWidth", $"must be at least 1; got {TextCnn.FiltersPerWidth}");
        Require(TextCnn.FilterWidths.Count >= 1 && TextCnn.FilterWidths.All(w => w >= 1), "TextCnn.FilterWidths",
            "must hold at least one width, each at least 1");
        Require(TextCnn.Dropout is >= 0 and < 1, "TextCnn.Dropout", $"must be in [0, 1); got {TextCnn.Dropout}");
    }

    private static void Require(bool condition, string property, string message)
    {
        if (!condition) throw new ArgumentException($"ModelConfig.{property} {message}.", property);
    }
}
