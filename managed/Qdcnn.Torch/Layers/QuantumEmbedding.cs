using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// The MSFF quantum embedding (<see cref="MsffCircuits.Embedding"/>): a length-V vector → n = ⌈log2 V⌉ values
/// ⟨Z_k⟩. The sentence branch embeds TF-IDF vectors with <see cref="forward"/>; the word branch embeds token
/// ids with <see cref="EmbedTokens"/>, which evaluates the circuit once per DISTINCT id in the batch (a one-hot
/// vector is the basis state |id⟩, so a word's embedding depends only on its id) and gathers.
/// state_dict: <c>embedding.m_para</c> [rep·n], angle w[l, k] at index l·n + k.
/// </summary>
public sealed class QuantumEmbedding : nn.Module<Tensor, Tensor>, IQuantumCircuitProvider
{
    private readonly QuantumLayer _embedding;

    /// <summary>Builds the circuit and draws the angles from <paramref name="generator"/> (U(0, 2π)).</summary>
    public QuantumEmbedding(int vocabSize, int layers, bool hadamard, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumEmbedding))
    {
        VocabSize = vocabSize;
        Template = MsffCircuits.Embedding(vocabSize, layers, hadamard);
        _embedding = new QuantumLayer(Template, generator, dtype);
        register_module("embedding", _embedding);
    }

    /// <summary>Sub-modules are registered explicitly under their state_dict names; this turns off TorchSharp's
    /// reflection-based registration of module-typed fields, which would add them again under the field names.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Vocabulary size V (input width).</summary>
    public int VocabSize { get; }

    /// <summary>Output width n = ⌈log2 V⌉.</summary>
    public int NumQubits => Template.NumQubits;

    /// <summary>The embedding circuit (owned by this module).</summary>
    public QuantumTemplate Template { get; }

    /// <summary>The trainable angles [rep·n].</summary>
    public Parameter Weights => _embedding.Weights;

    /// <summary>The embedding circuit (amplitude encoding of inputs[0..V)), bound to <see cref="Weights"/>.</summary>
    public IEnumerable<QuantumCircuitView> QuantumCircuits => [new("embedding", Template, Weights, (0, VocabSize))];

    /// <summary>Embeds vectors [B, V] (each non-zero; amplitude-encoded after normalisation) → [B, n].</summary>
    public override Tensor forward(Tensor vectors) => _embedding.forward(vectors);

    /// <summary>
    /// Embeds token ids (int64 [B, L], each in [0, V)) → [B, L, n]: one circuit evaluation per distinct id,
    /// in one native call, then a gather.
    /// </summary>
    /// <exception cref="ArgumentException">Ids of the wrong type or outside [0, V).</exception>
    public Tensor EmbedTokens(Tensor tokenIds)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (tokenIds.dtype != ScalarType.Int64)
            throw new ArgumentException($"tokenIds must be int64; got {tokenIds.dtype}.", nameof(tokenIds));
        using var scope = NewDisposeScope();
        // The ids are a few dozen integers: finding the distinct ones in managed code replaces five small libtorch ops
        // (unique, two item() reads, one_hot, to_type), whose fixed per-op cost dominated this method.
        Tensor ids = tokenIds.is_contiguous() ? tokenIds : tokenIds.contiguous();
        var index = TokenIndex.Of(TensorMemory.Span<long>(ids), VocabSize);
        Tensor basis = OneHotRows(index, Weights.dtype);                                 // [U, V]: |id⟩
        Tensor embedded = _embedding.forward(basis);                                     // [U, n]
        long[] shape = [.. tokenIds.shape, NumQubits];
        long[] inverse = Array.ConvertAll(index.Inverse, i => (long)i);
        return embedded.index_select(0, tensor(inverse)).view(shape).MoveToOuterDisposeScope();
    }

    /// <summary>Rows e_id (length V) for each distinct id, as a new [ids, V] tensor of <paramref name="dtype"/>.</summary>
    private Tensor OneHotRows(TokenIndex index, ScalarType dtype) => dtype switch
    {
        ScalarType.Float64 => tensor(index.OneHotRows<double>(VocabSize), [index.Distinct.Length, VocabSize]),
        ScalarType.Float32 => tensor(index.OneHotRows<float>(VocabSize), [index.Distinct.Length, VocabSize]),
        _ => throw new InvalidOperationException($"Quantum layers run float64 or float32 weights, not {dtype}."),
    };

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Template.Dispose();
    }
}
