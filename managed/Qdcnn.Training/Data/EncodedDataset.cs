using Qdcnn.Models;
using Qdcnn.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training;

/// <summary>
/// One split of encoded sentences held as whole-split tensors: token ids int64 [N, seqLen], TF-IDF
/// [N, V] in the chosen element type, and class indices int64 [N]. Mini-batches are gathered with
/// <c>index_select</c>, so no per-element managed loop runs after construction.
/// </summary>
/// <remarks>Owns its tensors; dispose it when the split is no longer needed.</remarks>
public sealed class EncodedDataset : IDisposable
{
    private EncodedDataset(Tensor tokenIds, Tensor tfIdf, Tensor labels)
    {
        TokenIds = tokenIds;
        TfIdf = tfIdf;
        Labels = labels;
    }

    /// <summary>int64 [N, seqLen] token ids.</summary>
    public Tensor TokenIds { get; }

    /// <summary>float32/float64 [N, V] TF-IDF vectors.</summary>
    public Tensor TfIdf { get; }

    /// <summary>int64 [N] class indices.</summary>
    public Tensor Labels { get; }

    /// <summary>Number of sentences N.</summary>
    public long Count => TokenIds.shape[0];

    /// <summary>
    /// Converts encoded text and its class indices to tensors. The flat arrays are handed to libtorch
    /// in one copy each; float32 is made by one conversion of the float64 tensor.
    /// </summary>
    /// <param name="encoded">Output of <see cref="TextPipeline.Encode"/>.</param>
    /// <param name="classes">Class index of each sentence (length = encoded.Count).</param>
    /// <param name="dtype">Float64 (default) or Float32 for the TF-IDF tensor.</param>
    /// <exception cref="ArgumentException">Lengths differ, or an unsupported dtype.</exception>
    public static EncodedDataset From(EncodedText encoded, IReadOnlyList<int> classes, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count != encoded.Count)
            throw new ArgumentException($"{classes.Count} class indices for {encoded.Count} encoded sentences.", nameof(classes));
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException($"dtype must be Float32 or Float64; got {dtype}.", nameof(dtype));

        long n = encoded.Count;
        var ids = torch.tensor(encoded.TokenIds, [n, encoded.SequenceLength], ScalarType.Int64);
        var tfIdf64 = torch.tensor(encoded.TfIdf, [n, encoded.VocabularySize], ScalarType.Float64);
        var tfIdf = dtype == ScalarType.Float64 ? tfIdf64 : ConvertAndDispose(tfIdf64, dtype);
        long[] labels = new long[classes.Count];
        for (int i = 0; i < labels.Length; i++) labels[i] = classes[i];
        var labelTensor = torch.tensor(labels, [n], ScalarType.Int64);
        return new EncodedDataset(ids, tfIdf, labelTensor);
    }

    /// <summary>
    /// The sentences at <paramref name="indices"/> (int64 [B]) as a new batch; the caller disposes it
    /// (or lets a dispose scope do so).
    /// </summary>
    public TextBatch Batch(Tensor indices) =>
        new(TokenIds.index_select(0, indices), TfIdf.index_select(0, indices));

    /// <summary>The class indices at <paramref name="indices"/>.</summary>
    public Tensor LabelsAt(Tensor indices) => Labels.index_select(0, indices);

    /// <summary>Rows [start, start + length) as a new batch (views; dispose as usual).</summary>
    public TextBatch Slice(long start, long length) =>
        new(TokenIds.narrow(0, start, length), TfIdf.narrow(0, start, length));

    /// <summary>Disposes the three tensors.</summary>
    public void Dispose()
    {
        TokenIds.Dispose();
        TfIdf.Dispose();
        Labels.Dispose();
    }

    private static Tensor ConvertAndDispose(Tensor source, ScalarType dtype)
    {
        using (source) return source.to_type(dtype);
    }
}
