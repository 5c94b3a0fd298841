using BenchmarkDotNet.Attributes;
using Qdcnn.Quantum;
using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Benchmarks;

/// <summary>
/// Issue 7 target 4: forward + backward of the MSFF 3-qubit convolution kernel (depth 1) on B = 8 samples from
/// TorchSharp, against the same native calls made directly on spans and against libtorch's own fixed cost of a
/// trivial autograd graph (the floor any custom function sits on).
/// </summary>
[MemoryDiagnoser]
public class InteropBenchmarks
{
    private const int Batch = 8;
    private QuantumTemplate _template = null!;
    private Simulator _simulator = null!;
    private Tensor _inputs = null!, _weights = null!, _inputsGrad = null!, _weightsGrad = null!;
    private double[] _x = null!, _p = null!, _y = null!, _gy = null!, _gx = null!, _gp = null!;

    /// <summary>Builds the kernel template, tensors and plain arrays; one thread for libtorch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        _template = MsffCircuits.ConvKernel(1, anglesAsInputs: false);
        _simulator = new Simulator(Precision.Complex128);
        using var generator = new Generator(3, CPU);
        _inputs = rand([Batch, 3], ScalarType.Float64, generator: generator);
        _weights = rand([3], ScalarType.Float64, generator: generator);
        _inputsGrad = _inputs.detach().clone().requires_grad_(true);
        _weightsGrad = _weights.detach().clone().requires_grad_(true);
        _x = _inputs.data<double>().ToArray();
        _p = _weights.data<double>().ToArray();
        _y = new double[Batch];
        _gy = Enumerable.Repeat(1.0, Batch).ToArray();
        _gx = new double[Batch * 3];
        _gp = new double[3];
    }

    /// <summary>Native forward + adjoint backward on managed arrays (no TorchSharp).</summary>
    [Benchmark(Baseline = true)]
    public void NativeForwardBackward()
    {
        _simulator.Forward(_template.Circuit, _template.Observable, _p, _x, Batch, _y);
        _simulator.Backward(_template.Circuit, _template.Observable, _p, _x, Batch, _gy, _gx, _gp);
    }

    /// <summary><see cref="QuantumFunction.Apply"/> without gradients (no autograd node).</summary>
    [Benchmark]
    public void TorchForward()
    {
        using var _ = no_grad();
        using var y = QuantumFunction.Apply(_template, _inputs, _weights);
    }

    /// <summary>End to end: <see cref="QuantumFunction.Apply"/> with gradients on, <c>sum().backward()</c>.</summary>
    [Benchmark]
    public void TorchForwardBackward()
    {
        using var scope = NewDisposeScope();
        var y = QuantumFunction.Apply(_template, _inputsGrad, _weightsGrad);
        y.sum().backward();
    }

    /// <summary>libtorch floor: a multiply, a sum and backward() on tensors of the same size, no custom function.</summary>
    [Benchmark]
    public void TorchOnlyMulSumBackward()
    {
        using var scope = NewDisposeScope();
        var y = _inputsGrad * _weightsGrad;
        y.sum().backward();
    }

    /// <summary>Frees the template, simulator and tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _template.Dispose();
        _simulator.Dispose();
        foreach (var t in new[] { _inputs, _weights, _inputsGrad, _weightsGrad }) t.Dispose();
    }
}
