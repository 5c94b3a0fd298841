using Qdcnn.Torch;
using static TorchSharp.torch;

namespace Qdcnn.Training;

/// <summary>Arg-max decisions read straight from a CPU logits tensor (no libtorch ops, no small result tensors).</summary>
internal static class Predictions
{
    /// <summary>
    /// How many rows of <paramref name="logits"/> [B, C] have their arg-max at <paramref name="labels"/> [B] (int64),
    /// with torch.argmax's rules: the first of equal maxima, and NaN counts as the maximum.
    /// </summary>
    public static long CountCorrect(Tensor logits, Tensor labels)
    {
        using var values = ContiguousDoubles(logits);
        using var classes = labels.is_contiguous() ? labels.alias() : labels.contiguous();
        ReadOnlySpan<double> rows = TensorMemory.Span<double>(values);
        ReadOnlySpan<long> expected = TensorMemory.Span<long>(classes);
        int columns = checked((int)logits.shape[1]);
        long correct = 0;
        for (int r = 0; r < expected.Length; r++)
            if (ArgMax(rows.Slice(r * columns, columns)) == expected[r]) correct++;
        return correct;
    }

    /// <summary>A detached float64 contiguous view (or copy) of <paramref name="tensor"/>, to dispose after use.</summary>
    private static Tensor ContiguousDoubles(Tensor tensor)
    {
        var detached = tensor.detach();
        if (detached.dtype == ScalarType.Float64 && detached.is_contiguous()) return detached;
        using (detached) return detached.to_type(ScalarType.Float64).contiguous();
    }

    /// <summary>Index of the first maximum (a NaN, if any, is the maximum).</summary>
    public static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++)
        {
            if (double.IsNaN(row[best])) break;
            if (row[c] > row[best] || double.IsNaN(row[c])) best = c;
        }
        return best;
    }
}
