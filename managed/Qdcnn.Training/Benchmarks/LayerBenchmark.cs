using System.Diagnostics;
using Qdcnn.Quantum;
using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training.Benchmarks;

/// <summary>One measured configuration of <see cref="LayerBenchmark"/> (times in milliseconds per call).</summary>
/// <param name="Qubits">Register size n.</param>
/// <param name="Batch">Samples per call B.</param>
/// <param name="Depth">RY/CNOT layers.</param>
/// <param name="Threads">Native simulator worker threads.</param>
/// <param name="Forward">Forward only (no autograd graph): TorchSharp tensors in, tensor out.</param>
/// <param name="ForwardBackward">Forward through <see cref="QuantumFunction"/> with gradients on, then <c>backward</c> (adjoint).</param>
public sealed record LayerBenchmarkResult(int Qubits, int Batch, int Depth, int Threads, TimingSummary Forward, TimingSummary ForwardBackward);

/// <summary>
/// The batched layer of issue 7 target 2, measured end to end from TorchSharp: RY(input) on every qubit, then
/// <c>depth</c> × (RY(parameter) on every qubit, CNOT chain 0→1→…→n−1), ⟨Z⟩ on every qubit; float64 (complex128).
/// </summary>
public static class LayerBenchmark
{
    /// <summary>The benchmark circuit as a template (the caller disposes it).</summary>
    public static QuantumTemplate CreateTemplate(int qubits, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var circuit = new Circuit(qubits);
        for (int q = 0; q < qubits; q++) circuit.RY(q, Angle.Input(q));
        for (int d = 0; d < depth; d++)
        {
            for (int q = 0; q < qubits; q++) circuit.RY(q, Angle.Parameter(d * qubits + q));
            for (int q = 0; q + 1 < qubits; q++) circuit.Cnot(q, q + 1);
        }
        circuit.Declare(depth * qubits, qubits);
        return new QuantumTemplate(circuit, Observable.ZOnEachQubit(qubits));
    }

    /// <summary>Measures forward and forward + backward, <paramref name="repetitions"/> timed calls each after one warm-up call.</summary>
    public static IReadOnlyList<LayerBenchmarkResult> Run(int qubits, int batch, int depth, IReadOnlyList<int> threads, int repetitions,
        Action<LayerBenchmarkResult>? onResult = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentNullException.ThrowIfNull(threads);
        using var template = CreateTemplate(qubits, depth);
        using var generator = new Generator(7, CPU);
        using var inputs = rand([batch, qubits], ScalarType.Float64, generator: generator).mul_(Math.PI);
        using var weights = rand([template.NumParameters], ScalarType.Float64, generator: generator).mul_(2 * Math.PI);
        var results = new List<LayerBenchmarkResult>();
        foreach (int t in threads)
        {
            template.SimulatorThreads = t;
            var forward = Measure(repetitions, () =>
            {
                using var _ = no_grad();
                using var y = QuantumFunction.Apply(template, inputs, weights);
            });
            using var x = inputs.detach().requires_grad_(true);
            using var p = weights.detach().requires_grad_(true);
            var forwardBackward = Measure(repetitions, () =>
            {
                using var scope = NewDisposeScope();
                x.grad?.zero_();
                p.grad?.zero_();
                var y = QuantumFunction.Apply(template, x, p);
                y.sum().backward();
            });
            var result = new LayerBenchmarkResult(qubits, batch, depth, t, forward, forwardBackward);
            results.Add(result);
            onResult?.Invoke(result);
        }
        template.SimulatorThreads = 1;
        return results;
    }

    /// <summary>One untimed call, then <paramref name="repetitions"/> timed calls (ms each).</summary>
    internal static TimingSummary Measure(int repetitions, Action call)
    {
        call();
        var samples = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            call();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return TimingSummary.Of(samples);
    }
}
