using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests.Support;

/// <summary>Explicit generators for test data (libtorch's global RNG is process-wide).</summary>
internal static class Seeds
{
    public static Generator Generator(long seed = 1234) => new((ulong)seed, CPU);

    /// <summary>U(low, high) values of the given shape, float64.</summary>
    public static Tensor Uniform(long[] shape, double low, double high, Generator generator, bool requiresGrad = false)
    {
        using var unit = rand(shape, ScalarType.Float64, generator: generator);
        var values = (unit * (high - low) + low).detach();
        return values.requires_grad_(requiresGrad);
    }
}
