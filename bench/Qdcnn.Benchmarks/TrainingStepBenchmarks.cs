using BenchmarkDotNet.Attributes;
using Qdcnn.Models;
using Qdcnn.Models.Quantum;
using Qdcnn.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Benchmarks;

/// <summary>
/// Issue 7 target 1, one training step's parts: MSFF-QDConv with the preset's architecture on one batch of random
/// sentences, forward + cross-entropy + backward through the fused quantum chain (one autograd node) and through the
/// per-layer modules (the reference path), and one Adam update by <see cref="FusedAdam"/> and by torch.optim.Adam.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private MsffQuantumModel _model = null!;
    private TextBatch _batch = null!;
    private Tensor _labels = null!;
    private FusedAdam _fusedAdam = null!;
    private optim.Optimizer _torchAdam = null!;

    /// <summary>Preset whose architecture and batch size are used (mc: V 19, batch 8; rp: V 98, batch 6).</summary>
    [Params("mc", "rp")]
    public string Preset { get; set; } = "mc";

    /// <summary>Builds the model, a batch and both optimisers; one libtorch thread, as the trainer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        var config = ModelConfig.Preset(Preset) with { Seed = 1 };
        int batchSize = Preset == "mc" ? 8 : 6;
        _model = new MsffQDConv(config);
        using var generator = new Generator(9, CPU);
        var ids = randint(2L, config.VocabSize, [batchSize, config.SeqLen], ScalarType.Int64, generator: generator);
        using var raw = rand([batchSize, config.VocabSize], ScalarType.Float64, generator: generator);
        _batch = new TextBatch(ids, nn.functional.normalize(raw, p: 2, dim: 1));
        _labels = arange(batchSize, ScalarType.Int64).remainder(config.NumClasses);
        _fusedAdam = new FusedAdam(_model.parameters(), 1e-9);
        _torchAdam = optim.Adam(_model.parameters(), 1e-9, 0.9, 0.999, 1e-8);
        ForwardBackward(); // every parameter has a gradient for the optimiser benchmarks
    }

    /// <summary>Forward + cross-entropy + backward, fused chain.</summary>
    [Benchmark(Baseline = true)]
    public void FusedChainForwardBackward()
    {
        _model.UseFusedChain = true;
        ForwardBackward();
    }

    /// <summary>Forward + cross-entropy + backward, per-layer modules.</summary>
    [Benchmark]
    public void PerLayerForwardBackward()
    {
        _model.UseFusedChain = false;
        ForwardBackward();
    }

    /// <summary>Evaluation forward (no_grad), fused chain.</summary>
    [Benchmark]
    public void FusedChainForwardNoGrad()
    {
        _model.UseFusedChain = true;
        using var _ = no_grad();
        using var logits = _model.forward(_batch);
    }

    /// <summary>zero_grad is not included: one update of every parameter by <see cref="FusedAdam"/>.</summary>
    [Benchmark]
    public void FusedAdamStep() => _fusedAdam.Step();

    /// <summary>One update of every parameter by torch.optim.Adam.</summary>
    [Benchmark]
    public void TorchAdamStep() => _torchAdam.step();

    private void ForwardBackward()
    {
        using var scope = NewDisposeScope();
        var logits = _model.forward(_batch);
        nn.functional.cross_entropy(logits, _labels).backward();
    }

    /// <summary>Frees the model, batch and optimiser state.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _torchAdam.Dispose();
        _model.Dispose();
        _batch.Dispose();
        _labels.Dispose();
    }
}
