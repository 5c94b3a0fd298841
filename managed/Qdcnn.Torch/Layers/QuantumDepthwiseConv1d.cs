using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// Quantum depthwise convolution (spec): each channel of [B, C, ℓ] is convolved separately ("valid", stride 1,
/// ℓ → ℓ − 2) by a 3-qubit kernel (<see cref="MsffCircuits.ConvKernel"/>), out[c, f] = K(x[c, f:f+3]). By default
/// ONE kernel is shared by all channels (the paper's MSFF-QDConv: <c>kernels.0.m_para</c> only); with
/// <c>kernelPerChannel</c> each channel c has its own kernel <c>kernels.&lt;c&gt;</c>. Either way the
/// B × C × (ℓ − 2) windows run in one native call.
/// </summary>
public sealed class QuantumDepthwiseConv1d : nn.Module<Tensor, Tensor>, IQuantumCircuitProvider
{
    private readonly QuantumKernelBank _bank;

    /// <summary>Creates the kernel(s), angles U(0, 2π) from <paramref name="generator"/>.</summary>
    public QuantumDepthwiseConv1d(int channels, int depth, Generator generator, bool kernelPerChannel = false,
        ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumDepthwiseConv1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Channels = channels;
        KernelPerChannel = kernelPerChannel;
        _bank = new QuantumKernelBank(kernelPerChannel ? channels : 1, depth, generator, dtype);
        register_module("kernels", _bank.Kernels);
    }

    /// <summary>Sub-modules are registered explicitly under their state_dict names; this turns off TorchSharp's
    /// reflection-based registration of module-typed fields, which would add them again under the field names.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Channels C.</summary>
    public int Channels { get; }

    /// <summary>Whether each channel has its own kernel.</summary>
    public bool KernelPerChannel { get; }

    /// <summary>The kernels and their templates.</summary>
    public QuantumKernelBank Bank => _bank;

    /// <summary>Each kernel's circuit bound to its angles, and the bank template that runs them with the angles as inputs.</summary>
    public IEnumerable<QuantumCircuitView> QuantumCircuits =>
        _bank.Kernels.Select((k, i) => new QuantumCircuitView($"kernels.{i}", _bank.Shared, k.Weights))
            .Append(new QuantumCircuitView("bank", _bank.Bank, null, Listed: false));

    /// <summary>[B, C, ℓ] → [B, C, ℓ − 2].</summary>
    /// <exception cref="ArgumentException">Wrong rank, channel count, or ℓ &lt; 3.</exception>
    public override Tensor forward(Tensor input)
    {
        ConvShapes.Check(input, Channels);
        using var scope = NewDisposeScope();
        Tensor windows = input.unfold(2, MsffCircuits.KernelQubits, 1); // [B, C, F, 3]
        if (!KernelPerChannel) return _bank.EvaluateShared(windows).MoveToOuterDisposeScope();
        long batch = input.shape[0], positions = windows.shape[2];
        Tensor angles = _bank.StackedWeights()                          // [C, 3·depth]
            .view(1, Channels, 1, -1).expand(batch, Channels, positions, -1);
        return _bank.EvaluateBank(windows, angles).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _bank.Dispose();
    }
}

/// <summary>Input checks shared by the quantum convolutions.</summary>
internal static class ConvShapes
{
    public static void Check(Tensor input, int channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[1] != channels || input.shape[2] < MsffCircuits.KernelQubits)
            throw new ArgumentException(
                $"A quantum conv1d over {channels} channels needs [B, {channels}, ℓ ≥ {MsffCircuits.KernelQubits}]; got [{string.Join(", ", input.shape)}].",
                nameof(input));
    }
}
