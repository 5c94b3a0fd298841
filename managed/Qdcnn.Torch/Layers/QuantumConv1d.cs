using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// Standard quantum convolution (the "without depthwise" ablation): n² independent 3-qubit kernels,
/// out[c_out, f] = Σ_{c_in} K_{c_in + c_out·n}(x[c_in, f:f+3]) ("valid", stride 1, ℓ → ℓ − 2).
/// state_dict: <c>kernels.&lt;i&gt;.m_para</c>, i = c_in + c_out·n. All B × n² × (ℓ − 2) windows run in one
/// native call with each kernel's angles bound as per-sample inputs (<see cref="QuantumKernelBank.Bank"/>).
/// </summary>
public sealed class QuantumConv1d : nn.Module<Tensor, Tensor>, IQuantumCircuitProvider
{
    private readonly QuantumKernelBank _bank;

    /// <summary>Creates n² kernels, angles U(0, 2π) from <paramref name="generator"/> in index order.</summary>
    public QuantumConv1d(int channels, int depth, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumConv1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Channels = channels;
        _bank = new QuantumKernelBank(checked(channels * channels), depth, generator, dtype);
        register_module("kernels", _bank.Kernels);
    }

    /// <summary>Sub-modules are registered explicitly under their state_dict names; this turns off TorchSharp's
    /// reflection-based registration of module-typed fields, which would add them again under the field names.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Channels n (input and output).</summary>
    public int Channels { get; }

    /// <summary>The kernels and their templates.</summary>
    public QuantumKernelBank Bank => _bank;

    /// <summary>Each kernel's circuit bound to its angles, and the bank template that runs them with the angles as inputs.</summary>
    public IEnumerable<QuantumCircuitView> QuantumCircuits =>
        _bank.Kernels.Select((k, i) => new QuantumCircuitView($"kernels.{i}", _bank.Shared, k.Weights))
            .Append(new QuantumCircuitView("bank", _bank.Bank, null, Listed: false));

    /// <summary>[B, n, ℓ] → [B, n, ℓ − 2].</summary>
    /// <exception cref="ArgumentException">Wrong rank, channel count, or ℓ &lt; 3.</exception>
    public override Tensor forward(Tensor input)
    {
        ConvShapes.Check(input, Channels);
        using var scope = NewDisposeScope();
        long batch = input.shape[0], n = Channels;
        Tensor windows = input.unfold(2, MsffCircuits.KernelQubits, 1);   // [B, c_in, F, 3]
        long positions = windows.shape[2];
        Tensor expandedWindows = windows.unsqueeze(1).expand(batch, n, n, positions, MsffCircuits.KernelQubits);
        Tensor angles = _bank.StackedWeights()                             // [n², 3·depth], row = c_in + c_out·n
            .view(1, n, n, 1, -1).expand(batch, n, n, positions, -1);     // [B, c_out, c_in, F, 3·depth]
        Tensor perKernel = _bank.EvaluateBank(expandedWindows, angles);    // [B, c_out, c_in, F]
        return perKernel.sum(2).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _bank.Dispose();
    }
}
