namespace Qdcnn.Training.Benchmarks;

/// <summary>The quantity a <see cref="LayerSweep"/> varies.</summary>
public enum LayerSweepAxis
{
    /// <summary>Register size n (batch fixed).</summary>
    Qubits,

    /// <summary>Samples per call B (register size fixed).</summary>
    Batch,
}

/// <summary>
/// Runs <see cref="LayerBenchmark"/> over a range of register sizes or batch sizes (the other fixed), for the
/// time-vs-qubits and time-vs-batch plots of issue 7.
/// </summary>
public static class LayerSweep
{
    /// <summary>
    /// Measures every point of the sweep, in the order given. Along <see cref="LayerSweepAxis.Qubits"/>,
    /// <paramref name="qubits"/> lists the points and <paramref name="batches"/> must hold one value; along
    /// <see cref="LayerSweepAxis.Batch"/> the other way round.
    /// </summary>
    /// <exception cref="ArgumentException">The fixed quantity has more than one value, or a list is empty.</exception>
    public static IReadOnlyList<LayerBenchmarkResult> Run(LayerSweepAxis axis, IReadOnlyList<int> qubits, IReadOnlyList<int> batches, int depth,
        IReadOnlyList<int> threads, int repetitions, Action<LayerBenchmarkResult>? onResult = null)
    {
        ArgumentNullException.ThrowIfNull(qubits);
        ArgumentNullException.ThrowIfNull(batches);
        if (qubits.Count == 0) throw new ArgumentException("At least one qubit count is needed.", nameof(qubits));
        if (batches.Count == 0) throw new ArgumentException("At least one batch size is needed.", nameof(batches));
        if (axis == LayerSweepAxis.Qubits && batches.Count != 1)
            throw new ArgumentException("A sweep over qubits needs exactly one batch size.", nameof(batches));
        if (axis == LayerSweepAxis.Batch && qubits.Count != 1)
            throw new ArgumentException("A sweep over batch sizes needs exactly one qubit count.", nameof(qubits));

        var results = new List<LayerBenchmarkResult>();
        foreach (int n in qubits)
            foreach (int b in batches)
                results.AddRange(LayerBenchmark.Run(n, b, depth, threads, repetitions, onResult));
        return results;
    }
}
