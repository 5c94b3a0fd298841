using Qdcnn.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Models.Quantum.Chain;

/// <summary>One quantum convolution layer of the chain: its kernel template, kind and kernels (in state_dict order).</summary>
/// <param name="Template">Depthwise: the kernel with θ as parameters (<see cref="QuantumKernelBank.Shared"/>); standard: the
/// kernel with θ as per-sample inputs (<see cref="QuantumKernelBank.Bank"/>).</param>
/// <param name="Standard">Standard convolution (n² kernels, out[c_out] = Σ_{c_in} K_{c_in + c_out·n}(x[c_in])) rather
/// than depthwise (one kernel shared by all channels).</param>
/// <param name="Kernels">The kernels' angle vectors [3·depth] each: one (depthwise) or n² (standard).</param>
internal sealed record MsffChainConv(QuantumTemplate Template, bool Standard, IReadOnlyList<Parameter> Kernels);

/// <summary>
/// The whole quantum pipeline of an <see cref="MsffQuantumModel"/> (word embedding → gather → L quantum convolutions →
/// mean over positions, + sentence embedding, → quantum fully connected layer) as ONE autograd function: the glue runs
/// on managed arrays and each stage is one batched native call, forward and adjoint backward
/// (<see cref="MsffChainPass{T}"/>). It computes what the per-layer modules compute, with one autograd node per batch
/// instead of four quantum nodes and a dozen glue nodes.
/// </summary>
/// <remarks>
/// The trainable angles enter the node as one flat vector, <c>cat</c> of the modules' own parameters in the order
/// word embedding, sentence embedding, conv layers (kernel order), fully connected; <c>cat</c>'s backward hands each
/// parameter its slice of the gradient. The modules, their parameters and state_dict are unchanged.
/// </remarks>
internal sealed class MsffQuantumChain
{
    private readonly Parameter[] _parameters;

    /// <summary>Describes the chain of a model's modules; <paramref name="word"/> and <paramref name="sentence"/> may be null (absent branch).</summary>
    public MsffQuantumChain(QuantumEmbedding? word, QuantumEmbedding? sentence, IReadOnlyList<MsffChainConv> convs,
        QuantumFullyConnected classifier, int seqLen)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (word is null && convs.Count > 0) throw new ArgumentException("Convolutions need the word branch.", nameof(convs));
        Word = word?.Template;
        Sentence = sentence?.Template;
        Convs = convs;
        Classifier = classifier.Template;
        NumQubits = classifier.Template.NumInputs;
        NumClasses = classifier.Template.OutputCount;
        VocabSize = (word ?? sentence)?.VocabSize ?? throw new ArgumentException("A chain needs at least one branch.", nameof(word));
        SeqLen = seqLen;

        var parameters = new List<Parameter>();
        int offset = 0;
        WordWeights = Take(word?.Weights);
        SentenceWeights = Take(sentence?.Weights);
        KernelOffsets = new int[convs.Count];
        for (int l = 0; l < convs.Count; l++)
        {
            KernelOffsets[l] = offset;
            foreach (var kernel in convs[l].Kernels) Take(kernel);
        }
        KernelLength = convs.Count > 0 ? checked((int)convs[0].Kernels[0].shape[0]) : 0;
        ClassifierWeights = Take(classifier.Weights);
        ParameterCount = offset;
        _parameters = [.. parameters];

        Range Take(Parameter? parameter)
        {
            if (parameter is null) return new Range(offset, offset);
            int start = offset;
            offset += checked((int)parameter.numel());
            parameters.Add(parameter);
            return new Range(start, offset);
        }
    }

    /// <summary>Word embedding template, or null (no word branch).</summary>
    public QuantumTemplate? Word { get; }

    /// <summary>Sentence embedding template, or null (no sentence branch).</summary>
    public QuantumTemplate? Sentence { get; }

    /// <summary>The conv layers in order (none without the word branch).</summary>
    public IReadOnlyList<MsffChainConv> Convs { get; }

    /// <summary>Fully connected template (inputs: the n features; outputs: C logits).</summary>
    public QuantumTemplate Classifier { get; }

    /// <summary>Qubits n = width of every feature vector.</summary>
    public int NumQubits { get; }

    /// <summary>Classes C.</summary>
    public int NumClasses { get; }

    /// <summary>Vocabulary size V (width of the one-hot and TF-IDF inputs).</summary>
    public int VocabSize { get; }

    /// <summary>Token sequence length ℓ.</summary>
    public int SeqLen { get; }

    /// <summary>Slice of the flat angle vector holding the word embedding's angles (empty without the branch).</summary>
    public Range WordWeights { get; }

    /// <summary>Slice holding the sentence embedding's angles (empty without the branch).</summary>
    public Range SentenceWeights { get; }

    /// <summary>Start of each conv layer's kernels in the flat vector (kernel k of layer l at KernelOffsets[l] + k·KernelLength).</summary>
    public int[] KernelOffsets { get; }

    /// <summary>Angles per kernel (3·depth).</summary>
    public int KernelLength { get; }

    /// <summary>Slice holding the fully connected layer's angles.</summary>
    public Range ClassifierWeights { get; }

    /// <summary>Length of the flat angle vector.</summary>
    public int ParameterCount { get; }

    /// <summary>
    /// Whether the chain can run <paramref name="batch"/>: no noise/shot execution context (that runs the per-layer path,
    /// which applies it per template), every parameter a CPU tensor of <paramref name="dtype"/>, CPU inputs, a non-empty
    /// batch, and TF-IDF vectors that need no gradient (the chain differentiates the angles only).
    /// </summary>
    public bool CanRun(TextBatch batch, ScalarType dtype)
    {
        if (QuantumExecutionContext.Current is not null) return false;
        if (dtype is not (ScalarType.Float64 or ScalarType.Float32)) return false;
        if (batch.Size == 0 || batch.TokenIds.device_type != DeviceType.CPU || batch.TfIdf.device_type != DeviceType.CPU) return false;
        if (Sentence is not null && batch.TfIdf.requires_grad && is_grad_enabled()) return false;
        foreach (var p in _parameters)
            if (p.dtype != dtype || p.device_type != DeviceType.CPU) return false;
        return true;
    }

    /// <summary>
    /// Logits [B, C] of <paramref name="batch"/> in <paramref name="dtype"/> (check <see cref="CanRun"/> first). With grad
    /// mode on and a parameter that requires grad, the result carries one autograd node whose backward is the chain's adjoint.
    /// </summary>
    public Tensor Run(TextBatch batch, ScalarType dtype)
    {
        MsffChainPass pass = dtype == ScalarType.Float64 ? new MsffChainPass<double>(this, batch) : new MsffChainPass<float>(this, batch);
        using var flat = cat(_parameters, 0);
        bool record = is_grad_enabled() && flat.requires_grad;
        return record ? MsffChainFunction.apply(pass, flat) : pass.Forward(flat);
    }
}
