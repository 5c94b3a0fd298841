using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// The kernels of a quantum convolution layer: <c>kernels.&lt;i&gt;.m_para</c> [3·depth] each (θ[d, j] at index
/// d·3 + j), and the two templates that evaluate them: <see cref="Shared"/> binds θ as parameters (one kernel
/// for a whole batch of windows) and <see cref="Bank"/> binds θ as per-sample inputs, so windows of different
/// kernels run in ONE batched native call and autograd sums each window's θ-gradient into its kernel.
/// Not a module itself: the owning layer registers <see cref="Kernels"/> as <c>kernels</c> and disposes the bank.
/// </summary>
public sealed class QuantumKernelBank : IDisposable
{
    private readonly ModuleList<QuantumLayer> _kernels;

    /// <summary>Creates <paramref name="count"/> kernels of <paramref name="depth"/>, angles U(0, 2π) from <paramref name="generator"/> in kernel order.</summary>
    public QuantumKernelBank(int count, int depth, Generator generator, ScalarType dtype)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Depth = depth;
        Shared = MsffCircuits.ConvKernel(depth, anglesAsInputs: false);
        Bank = MsffCircuits.ConvKernel(depth, anglesAsInputs: true);
        _kernels = nn.ModuleList(Enumerable.Range(0, count).Select(_ => new QuantumLayer(Shared, generator, dtype)).ToArray());
    }

    /// <summary>The kernels, in index order (registered by the owning layer as <c>kernels</c>).</summary>
    public ModuleList<QuantumLayer> Kernels => _kernels;

    /// <summary>Depth of each kernel.</summary>
    public int Depth { get; }

    /// <summary>Kernel template with θ as trainable parameters.</summary>
    public QuantumTemplate Shared { get; }

    /// <summary>Kernel template with θ as inputs 3..3+3·depth.</summary>
    public QuantumTemplate Bank { get; }

    /// <summary>All kernel angles stacked [count, 3·depth] (differentiable).</summary>
    public Tensor StackedWeights() => stack(_kernels.Select(k => (Tensor)k.Weights).ToArray());

    /// <summary>
    /// Σ_j ⟨Z_j⟩ for windows [..., 3] with kernel angles [..., 3·depth] of the same leading shape → [...],
    /// one native call.
    /// </summary>
    public Tensor EvaluateBank(Tensor windows, Tensor angles)
    {
        using var scope = NewDisposeScope();
        long[] leading = windows.shape[..^1];
        Tensor inputs = cat([windows, angles], -1).reshape(-1, Bank.NumInputs);
        return QuantumFunction.Apply(Bank, inputs, empty([0], windows.dtype)).view(leading).MoveToOuterDisposeScope();
    }

    /// <summary>Σ_j ⟨Z_j⟩ of kernel 0 for windows [..., 3] → [...], one native call.</summary>
    public Tensor EvaluateShared(Tensor windows)
    {
        using var scope = NewDisposeScope();
        long[] leading = windows.shape[..^1];
        Tensor inputs = windows.reshape(-1, MsffCircuits.KernelQubits);
        return _kernels[0].forward(inputs).view(leading).MoveToOuterDisposeScope();
    }

    /// <summary>Frees both templates (the kernels' parameters belong to the owning module).</summary>
    public void Dispose()
    {
        Shared.Dispose();
        Bank.Dispose();
    }
}
