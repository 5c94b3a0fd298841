using BenchmarkDotNet.Attributes;
using Qdcnn.Torch;
using Qdcnn.Training.Benchmarks;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Benchmarks;

/// <summary>
/// Issue 7 target 2 from TorchSharp: the batched layer (RY encoding, depth 4 × (RY, CNOT chain), ⟨Z⟩ on every qubit),
/// 10 qubits, B = 1024, float64, with 1 and 2 native threads.
/// </summary>
[MemoryDiagnoser]
public class LayerBenchmarks
{
    private QuantumTemplate _template = null!;
    private Tensor _inputs = null!, _weights = null!, _inputsGrad = null!, _weightsGrad = null!;

    /// <summary>Native simulator threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds the template and tensors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        _template = LayerBenchmark.CreateTemplate(qubits: 10, depth: 4);
        _template.SimulatorThreads = Threads;
        using var generator = new Generator(5, CPU);
        _inputs = rand([1024, 10], ScalarType.Float64, generator: generator).mul_(Math.PI);
        _weights = rand([_template.NumParameters], ScalarType.Float64, generator: generator).mul_(2 * Math.PI);
        _inputsGrad = _inputs.detach().clone().requires_grad_(true);
        _weightsGrad = _weights.detach().clone().requires_grad_(true);
    }

    /// <summary>Forward only (no autograd node).</summary>
    [Benchmark]
    public void Forward()
    {
        using var _ = no_grad();
        using var y = QuantumFunction.Apply(_template, _inputs, _weights);
    }

    /// <summary>Forward with gradients on, then the adjoint backward through autograd.</summary>
    [Benchmark]
    public void ForwardBackward()
    {
        using var scope = NewDisposeScope();
        var y = QuantumFunction.Apply(_template, _inputsGrad, _weightsGrad);
        y.sum().backward();
    }

    /// <summary>Frees the template and tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _template.Dispose();
        foreach (var t in new[] { _inputs, _weights, _inputsGrad, _weightsGrad }) t.Dispose();
    }
}
