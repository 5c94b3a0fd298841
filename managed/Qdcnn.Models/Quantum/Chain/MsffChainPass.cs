using System.Numerics;
using Qdcnn.Torch;
using static TorchSharp.torch;

namespace Qdcnn.Models.Quantum.Chain;

/// <summary>
/// One batch through an <see cref="MsffQuantumChain"/>: forward once (recording what the adjoint needs), then backward
/// (which only reads the record, so a retained graph may run it again).
/// </summary>
internal abstract class MsffChainPass
{
    /// <summary>Logits [B, C] for the flat angle vector <paramref name="parameters"/> (values are copied).</summary>
    public abstract Tensor Forward(Tensor parameters);

    /// <summary>dL/d(flat angles) [P] for dL/dlogits <paramref name="gradLogits"/> [B, C], after <see cref="Forward"/>.</summary>
    public abstract Tensor Backward(Tensor gradLogits);
}

/// <summary>
/// The chain's arithmetic in element type <typeparamref name="T"/> (double or float, as the model's tensors), on managed
/// arrays. Layouts (row-major): word features x[b, c, f] at (b·n + c)·width + f; conv windows row r = (b·n + c)·F + f
/// (depthwise) or ((b·n + c_out)·n + c_in)·F + f (standard, each row the window then the kernel's angles), which is the
/// per-layer modules' order, so every native call sees the same rows as there.
/// </summary>
internal sealed class MsffChainPass<T> : MsffChainPass where T : unmanaged, INumberBase<T>
{
    private readonly MsffQuantumChain _chain;
    private readonly int _batch;
    private readonly ScalarType _dtype;
    private readonly TokenIndex? _tokens;
    private readonly T[]? _oneHot;          // [U × V] basis states |id⟩ of the distinct ids
    private readonly T[]? _tfIdf;           // [B × V]
    private readonly T[][] _convInputs;     // per conv layer: the rows handed to its native call
    private T[] _parameters = [];           // flat angles, copied at forward
    private T[] _features = [];             // [B × n] input of the fully connected layer

    /// <summary>Reads the batch's token ids and TF-IDF vectors into managed arrays.</summary>
    public MsffChainPass(MsffQuantumChain chain, TextBatch batch)
    {
        _chain = chain;
        _batch = checked((int)batch.Size);
        _dtype = typeof(T) == typeof(double) ? ScalarType.Float64 : ScalarType.Float32;
        _convInputs = new T[chain.Convs.Count][];
        if (chain.Word is not null)
        {
            using var ids = batch.TokenIds.is_contiguous() ? batch.TokenIds.alias() : batch.TokenIds.contiguous();
            _tokens = TokenIndex.Of(TensorMemory.Span<long>(ids), chain.VocabSize);
            _oneHot = _tokens.OneHotRows<T>(chain.VocabSize);
        }
        if (chain.Sentence is not null)
        {
            using var converted = batch.TfIdf.dtype == _dtype ? batch.TfIdf.alias() : batch.TfIdf.to_type(_dtype);
            using var contiguous = converted.contiguous();
            _tfIdf = TensorMemory.Span<T>(contiguous).ToArray();
        }
    }

    private int N => _chain.NumQubits;

    /// <inheritdoc />
    public override Tensor Forward(Tensor parameters)
    {
        _parameters = TensorMemory.Span<T>(parameters).ToArray();
        var features = new T[_batch * N];
        if (_chain.Word is not null) WordFeatures(features);
        if (_chain.Sentence is not null)
        {
            var sentence = new T[_batch * N];
            TemplateCalls.Forward(_chain.Sentence, Angles(_chain.SentenceWeights), _tfIdf, _batch, sentence);
            for (int i = 0; i < features.Length; i++) features[i] += sentence[i];
        }
        _features = features;
        var logits = new T[_batch * _chain.NumClasses];
        TemplateCalls.Forward(_chain.Classifier, Angles(_chain.ClassifierWeights), features, _batch, logits);
        return ToTensor(logits, [_batch, _chain.NumClasses]);
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor gradLogits)
    {
        using var converted = gradLogits.dtype == _dtype ? gradLogits.alias() : gradLogits.to_type(_dtype);
        using var contiguous = converted.contiguous();
        ReadOnlySpan<T> gLogits = TensorMemory.Span<T>(contiguous);
        var gradient = new T[_chain.ParameterCount];
        var gFeatures = new T[_batch * N];
        TemplateCalls.Backward(_chain.Classifier, Angles(_chain.ClassifierWeights), _features, _batch, gLogits, gFeatures,
            gradient.AsSpan(_chain.ClassifierWeights));
        if (_chain.Sentence is not null)
            TemplateCalls.Backward(_chain.Sentence, Angles(_chain.SentenceWeights), _tfIdf, _batch, gFeatures, [],
                gradient.AsSpan(_chain.SentenceWeights));
        if (_chain.Word is not null) WordBackward(gFeatures, gradient);
        return ToTensor(gradient, [_chain.ParameterCount]);
    }

    private ReadOnlySpan<T> Angles(Range range) => _parameters.AsSpan(range);

    private Tensor ToTensor(T[] values, long[] shape) => typeof(T) == typeof(double)
        ? tensor((double[])(object)values, shape, ScalarType.Float64)
        : tensor((float[])(object)values, shape, ScalarType.Float32);

    /// <summary>Word branch forward: embed the distinct ids, gather [B, n, ℓ], convolve, and write the mean over positions.</summary>
    private void WordFeatures(Span<T> features)
    {
        int n = N, length = _chain.SeqLen, distinct = _tokens!.Distinct.Length;
        var embedded = new T[distinct * n];
        TemplateCalls.Forward(_chain.Word!, Angles(_chain.WordWeights), _oneHot, distinct, embedded);
        var x = new T[_batch * n * length];
        for (int b = 0; b < _batch; b++)
            for (int f = 0; f < length; f++)
            {
                int u = _tokens.Inverse[b * length + f];
                for (int c = 0; c < n; c++) x[(b * n + c) * length + f] = embedded[u * n + c];
            }
        int width = length;
        for (int l = 0; l < _chain.Convs.Count; l++)
        {
            x = _chain.Convs[l].Standard ? StandardConv(l, x, width) : DepthwiseConv(l, x, width);
            width -= MsffCircuits.KernelQubits - 1;
        }
        var count = T.CreateTruncating(width);
        for (int bc = 0; bc < _batch * n; bc++)
        {
            var sum = T.Zero;
            for (int f = 0; f < width; f++) sum += x[bc * width + f];
            features[bc] = sum / count;
        }
    }

    private ReadOnlySpan<T> Kernel(int layer, int kernel) =>
        _parameters.AsSpan(_chain.KernelOffsets[layer] + kernel * _chain.KernelLength, _chain.KernelLength);

    private Span<T> KernelGradient(T[] gradient, int layer, int kernel) =>
        gradient.AsSpan(_chain.KernelOffsets[layer] + kernel * _chain.KernelLength, _chain.KernelLength);

    /// <summary>[B, n, width] → [B, n, width − 2] with one kernel shared by all channels.</summary>
    private T[] DepthwiseConv(int layer, T[] x, int width)
    {
        const int k = MsffCircuits.KernelQubits;
        int positions = width - k + 1, rows = _batch * N * positions;
        var windows = new T[rows * k];
        for (int bc = 0; bc < _batch * N; bc++)
            for (int f = 0; f < positions; f++)
                x.AsSpan(bc * width + f, k).CopyTo(windows.AsSpan((bc * positions + f) * k));
        _convInputs[layer] = windows;
        var y = new T[rows];
        TemplateCalls.Forward(_chain.Convs[layer].Template, Kernel(layer, 0), windows, rows, y);
        return y;
    }

    /// <summary>[B, n, width] → [B, n, width − 2]: out[c_out] = Σ_{c_in} K_{c_in + c_out·n}(x[c_in]), all n² kernels in one call.</summary>
    private T[] StandardConv(int layer, T[] x, int width)
    {
        const int k = MsffCircuits.KernelQubits;
        int n = N, positions = width - k + 1, rowLength = k + _chain.KernelLength;
        int rows = _batch * n * n * positions;
        var inputs = new T[rows * rowLength];
        for (int b = 0; b < _batch; b++)
            for (int co = 0; co < n; co++)
                for (int ci = 0; ci < n; ci++)
                {
                    var angles = Kernel(layer, ci + co * n);
                    for (int f = 0; f < positions; f++)
                    {
                        var row = inputs.AsSpan((((b * n + co) * n + ci) * positions + f) * rowLength, rowLength);
                        x.AsSpan((b * n + ci) * width + f, k).CopyTo(row);
                        angles.CopyTo(row[k..]);
                    }
                }
        _convInputs[layer] = inputs;
        var perKernel = new T[rows];
        TemplateCalls.Forward(_chain.Convs[layer].Template, ReadOnlySpan<T>.Empty, inputs, rows, perKernel);
        var y = new T[_batch * n * positions];
        for (int bo = 0; bo < _batch * n; bo++)
            for (int f = 0; f < positions; f++)
            {
                var sum = T.Zero;
                for (int ci = 0; ci < n; ci++) sum += perKernel[(bo * n + ci) * positions + f];
                y[bo * positions + f] = sum;
            }
        return y;
    }

    /// <summary>Word branch adjoint from dL/d(word features) [B × n]: mean, conv layers in reverse, gather, embedding.</summary>
    private void WordBackward(ReadOnlySpan<T> gFeatures, T[] gradient)
    {
        int n = N, length = _chain.SeqLen, distinct = _tokens!.Distinct.Length;
        int width = length - _chain.Convs.Count * (MsffCircuits.KernelQubits - 1);
        var count = T.CreateTruncating(width);
        var g = new T[_batch * n * width];
        for (int bc = 0; bc < _batch * n; bc++)
            for (int f = 0; f < width; f++) g[bc * width + f] = gFeatures[bc] / count;
        for (int l = _chain.Convs.Count - 1; l >= 0; l--)
        {
            g = _chain.Convs[l].Standard ? StandardConvBackward(l, g, width, gradient) : DepthwiseConvBackward(l, g, width, gradient);
            width += MsffCircuits.KernelQubits - 1;
        }
        var gEmbedded = new T[distinct * n];
        for (int b = 0; b < _batch; b++)
            for (int f = 0; f < length; f++)
            {
                int u = _tokens.Inverse[b * length + f];
                for (int c = 0; c < n; c++) gEmbedded[u * n + c] += g[(b * n + c) * length + f];
            }
        TemplateCalls.Backward(_chain.Word!, Angles(_chain.WordWeights), _oneHot, distinct, gEmbedded, [],
            gradient.AsSpan(_chain.WordWeights));
    }

    /// <summary>dL/dy [B, n, positions] → dL/dx [B, n, positions + 2]; the shared kernel's gradient goes into <paramref name="gradient"/>.</summary>
    private T[] DepthwiseConvBackward(int layer, T[] gOut, int positions, T[] gradient)
    {
        const int k = MsffCircuits.KernelQubits;
        int width = positions + k - 1, rows = _batch * N * positions;
        var gWindows = new T[rows * k];
        TemplateCalls.Backward(_chain.Convs[layer].Template, Kernel(layer, 0), _convInputs[layer], rows, gOut, gWindows,
            KernelGradient(gradient, layer, 0));
        var gIn = new T[_batch * N * width];
        for (int bc = 0; bc < _batch * N; bc++)
            for (int f = 0; f < positions; f++)
                for (int j = 0; j < k; j++) gIn[bc * width + f + j] += gWindows[(bc * positions + f) * k + j];
        return gIn;
    }

    /// <summary>dL/dy [B, n, positions] → dL/dx [B, n, positions + 2]; each kernel's gradient (summed over its rows) goes into <paramref name="gradient"/>.</summary>
    private T[] StandardConvBackward(int layer, T[] gOut, int positions, T[] gradient)
    {
        const int k = MsffCircuits.KernelQubits;
        int n = N, width = positions + k - 1, rowLength = k + _chain.KernelLength;
        int rows = _batch * n * n * positions;
        var gPerKernel = new T[rows];
        for (int bo = 0; bo < _batch * n; bo++)
            for (int ci = 0; ci < n; ci++)
                gOut.AsSpan(bo * positions, positions).CopyTo(gPerKernel.AsSpan((bo * n + ci) * positions));
        var gInputs = new T[rows * rowLength];
        TemplateCalls.Backward(_chain.Convs[layer].Template, ReadOnlySpan<T>.Empty, _convInputs[layer], rows, gPerKernel, gInputs,
            Span<T>.Empty);
        for (int kernel = 0; kernel < n * n; kernel++) KernelGradient(gradient, layer, kernel).Clear();
        var gIn = new T[_batch * n * width];
        for (int b = 0; b < _batch; b++)
            for (int co = 0; co < n; co++)
                for (int ci = 0; ci < n; ci++)
                {
                    var gAngles = KernelGradient(gradient, layer, ci + co * n);
                    for (int f = 0; f < positions; f++)
                    {
                        var row = gInputs.AsSpan((((b * n + co) * n + ci) * positions + f) * rowLength, rowLength);
                        for (int j = 0; j < k; j++) gIn[(b * n + ci) * width + f + j] += row[j];
                        for (int t = 0; t < gAngles.Length; t++) gAngles[t] += row[k + t];
                    }
                }
        return gIn;
    }
}
