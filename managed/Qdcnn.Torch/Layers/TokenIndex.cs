namespace Qdcnn.Torch;

/// <summary>
/// The distinct token ids of a batch and where each token finds its id among them: the word embedding evaluates its
/// circuit once per distinct id (a one-hot vector is the basis state |id⟩) and gathers the rows back per token.
/// </summary>
/// <param name="Distinct">The distinct ids, ascending.</param>
/// <param name="Inverse">For each token (in the order given), the index of its id in <see cref="Distinct"/>.</param>
public sealed record TokenIndex(long[] Distinct, int[] Inverse)
{
    /// <summary>Indexes <paramref name="ids"/>, each of which must lie in [0, <paramref name="vocabSize"/>).</summary>
    /// <remarks>O(ids + V) with a slot per vocabulary entry: cheaper than sorting for a batch's few dozen ids, and the
    /// caller's one-hot rows cost O(V) per distinct id anyway.</remarks>
    /// <exception cref="ArgumentException">No ids, or an id outside [0, V) (the message names the smallest if negative, else the largest).</exception>
    public static TokenIndex Of(ReadOnlySpan<long> ids, int vocabSize)
    {
        if (ids.IsEmpty) throw new ArgumentException("tokenIds is empty.", "tokenIds");
        long min = long.MaxValue, max = long.MinValue;
        foreach (long id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }
        if (min < 0 || max >= vocabSize)
            throw new ArgumentException($"Token ids must lie in [0, {vocabSize}); found {(min < 0 ? min : max)}.", "tokenIds");

        var slot = new int[vocabSize]; // 0: absent; k > 0: the id is Distinct[k − 1]
        foreach (long id in ids) slot[id] = 1;
        int count = 0;
        for (int v = 0; v < vocabSize; v++)
            if (slot[v] != 0) slot[v] = ++count;
        var distinct = new long[count];
        for (int v = 0; v < vocabSize; v++)
            if (slot[v] != 0) distinct[slot[v] - 1] = v;
        var inverse = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++) inverse[i] = slot[ids[i]] - 1;
        return new TokenIndex(distinct, inverse);
    }

    /// <summary>Rows e_id (length <paramref name="vocabSize"/>) for each distinct id, row-major [Distinct.Length × V].</summary>
    public T[] OneHotRows<T>(int vocabSize) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var rows = new T[Distinct.Length * vocabSize];
        for (int u = 0; u < Distinct.Length; u++) rows[u * vocabSize + (int)Distinct[u]] = T.One;
        return rows;
    }
}
