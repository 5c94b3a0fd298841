using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models;

/// <summary>
/// Deterministic initialisation from an explicit <see cref="torch.Generator"/>. libtorch's
/// <c>manual_seed</c> is process-wide (shared by every model and every test in the process), so models
/// re-draw the weights their layers were constructed with from their own generator, in a fixed order.
/// The distributions are PyTorch's defaults, so a seeded model is statistically an ordinary one.
/// </summary>
/// <remarks>
/// Values are drawn with <c>torch.rand</c>/<c>torch.randn</c>, which honour their generator argument:
/// in TorchSharp 0.107, <c>nn.init.uniform_</c>/<c>normal_</c> ignore theirs and draw from the global RNG
/// (checked by the seeding test in Qdcnn.Models.Tests).
/// </remarks>
public static class SeededInit
{
    /// <summary>A CPU generator seeded with <paramref name="seed"/>.</summary>
    public static Generator CreateGenerator(long seed) => new((ulong)seed, CPU);

    /// <summary>U(−1/√fanIn, 1/√fanIn) (PyTorch's default for Linear and Conv weights and biases).</summary>
    public static void FanInUniform(Tensor parameter, long fanIn, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        double bound = 1.0 / Math.Sqrt(fanIn);
        using var _ = no_grad();
        using var unit = rand(parameter.shape, parameter.dtype, parameter.device, generator: generator);
        using var scaled = unit.mul(2 * bound).sub_(bound);
        parameter.copy_(scaled);
    }

    /// <summary>N(0, 1) (PyTorch's default for Embedding tables).</summary>
    public static void StandardNormal(Tensor parameter, Generator generator)
    {
        using var _ = no_grad();
        using var values = randn(parameter.shape, parameter.dtype, parameter.device, generator: generator);
        parameter.copy_(values);
    }

    /// <summary>Re-draws a Linear layer: weight and bias U(±1/√in).</summary>
    public static void Linear(TorchSharp.Modules.Linear layer, Generator generator)
    {
        long fanIn = layer.weight!.shape[1];
        FanInUniform(layer.weight, fanIn, generator);
        if (layer.bias is not null) FanInUniform(layer.bias, fanIn, generator);
    }
}
