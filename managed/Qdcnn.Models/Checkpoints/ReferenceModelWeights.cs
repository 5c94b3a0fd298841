using static TorchSharp.torch;

namespace Qdcnn.Models.Checkpoints;

/// <summary>
/// The tensors of one trained model in the authors' checkpoint file (key <c>&lt;DS&gt;_&lt;model&gt;.best.model</c>),
/// by tensor name. Quantum keys: <c>we_mapping.embedding.m_para</c> [rep·n], <c>se_mapping.embedding.m_para</c>,
/// <c>conv1d(_1,_2).kernels.&lt;i&gt;.m_para</c> [3·depth], <c>fc.linear.m_para</c> [n+1]. Classical keys:
/// <c>we_mapping.weights</c> [V, n], <c>se_mapping.weights</c> [V, n] (Linear stored [in, out]),
/// <c>se_mapping.bias</c>, <c>conv1d(_1,_2).weights</c> [out, in, k, 1], <c>conv1d*.bias</c>,
/// <c>fc.weights</c> [n, C] ([in, out]), <c>fc.bias</c>.
/// </summary>
public sealed class ReferenceModelWeights
{
    private readonly IReadOnlyDictionary<string, ReferenceTensor> _tensors;

    internal ReferenceModelWeights(string key, IReadOnlyDictionary<string, ReferenceTensor> tensors)
    {
        Key = key;
        _tensors = tensors;
    }

    /// <summary>The checkpoint key, e.g. <c>MC_msff-dconv.best.model</c>.</summary>
    public string Key { get; }

    /// <summary>Names of the stored tensors, in file order.</summary>
    public IReadOnlyCollection<string> Names => _tensors.Keys.ToList();

    /// <summary>Whether a tensor of that name is stored.</summary>
    public bool Contains(string name) => _tensors.ContainsKey(name);

    /// <summary>The stored tensor named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not stored; the message lists the names that are.</exception>
    public ReferenceTensor this[string name] => _tensors.TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException(
            $"Reference checkpoint '{Key}' has no tensor '{name}'; it has: {string.Join(", ", _tensors.Keys)}.");

    /// <summary>The stored tensor <paramref name="name"/> as a new tensor of type <paramref name="dtype"/>.</summary>
    public Tensor ToTensor(string name, ScalarType dtype) => this[name].ToTensor(dtype);

    /// <summary>
    /// Name prefix of convolution layer <paramref name="layer"/> (0-based) of <paramref name="layerCount"/>:
    /// the authors wrote <c>conv1d</c> for a single layer and <c>conv1d_1</c>, <c>conv1d_2</c>, … otherwise.
    /// </summary>
    public static string ConvLayerPrefix(int layer, int layerCount) =>
        layerCount == 1 ? "conv1d" : $"conv1d_{layer + 1}";
}
