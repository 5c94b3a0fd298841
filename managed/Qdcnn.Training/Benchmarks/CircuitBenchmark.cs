using System.Globalization;
using System.Text;
using Qdcnn.Quantum;

namespace Qdcnn.Training.Benchmarks;

/// <summary>One measured configuration of <see cref="CircuitBenchmark"/>.</summary>
/// <param name="Qubits">Register size n.</param>
/// <param name="Cycles">Cycles of the random circuit.</param>
/// <param name="Gates">Gates of the circuit.</param>
/// <param name="Precision">State precision.</param>
/// <param name="Fusion">Gate fusion (0 = off, else qubits per fused gate).</param>
/// <param name="Threads">Native worker threads.</param>
/// <param name="Milliseconds">Time of one <see cref="Simulator.Run(Circuit, StateVector, ReadOnlySpan{double}, ReadOnlySpan{double})"/> (preparation + all gates).</param>
public sealed record CircuitBenchmarkResult(int Qubits, int Cycles, long Gates, string Precision, int Fusion, int Threads, TimingSummary Milliseconds);

/// <summary>
/// The qsim-style random circuit (issue 7 target 3) through the managed API: per cycle a random rx, ry or rz on every
/// qubit, then CZ on (0,1),(2,3)… in even cycles and (1,2),(3,4)… in odd ones — the same generator as the native
/// suite's <c>BM_RandomCircuit</c> in spirit (its own fixed-seed RNG, so angles differ) — written as qsim text and
/// loaded with <see cref="Circuit.FromQsim"/>.
/// </summary>
public static class CircuitBenchmark
{
    /// <summary>The random circuit as qsim-format text.</summary>
    public static string RandomQsimCircuit(int qubits, int cycles, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(cycles, 1);
        var random = new Random(seed);
        string[] rotations = ["rx", "ry", "rz"];
        var text = new StringBuilder().Append(qubits).Append('\n');
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            int time = 2 * cycle;
            for (int q = 0; q < qubits; q++)
            {
                double angle = (random.NextDouble() * 2 - 1) * Math.PI;
                text.Append(CultureInfo.InvariantCulture, $"{time} {rotations[random.Next(3)]} {q} {angle:R}\n");
            }
            for (int q = cycle % 2; q + 1 < qubits; q += 2)
                text.Append(CultureInfo.InvariantCulture, $"{time + 1} cz {q} {q + 1}\n");
        }
        return text.ToString();
    }

    /// <summary>Measures every (fusion, threads) pair: one untimed run, then <paramref name="repetitions"/> timed runs.</summary>
    public static IReadOnlyList<CircuitBenchmarkResult> Run(int qubits, int cycles, Precision precision, IReadOnlyList<int> fusions,
        IReadOnlyList<int> threads, int repetitions, Action<CircuitBenchmarkResult>? onResult = null)
    {
        ArgumentNullException.ThrowIfNull(fusions);
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        using var circuit = Circuit.FromQsim(RandomQsimCircuit(qubits, cycles, seed: 2024));
        using var state = new StateVector(qubits, precision);
        var results = new List<CircuitBenchmarkResult>();
        foreach (int fusion in fusions)
        foreach (int t in threads)
        {
            using var simulator = new Simulator(precision) { Fusion = fusion, Threads = t };
            var time = LayerBenchmark.Measure(repetitions, () => simulator.Run(circuit, state));
            var result = new CircuitBenchmarkResult(qubits, cycles, circuit.GateCount,
                precision == Precision.Complex64 ? "complex64" : "complex128", fusion, t, time);
            results.Add(result);
            onResult?.Invoke(result);
        }
        return results;
    }
}
