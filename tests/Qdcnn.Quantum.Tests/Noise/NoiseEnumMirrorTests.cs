using Qdcnn.Interop;

namespace Qdcnn.Quantum.Tests.Noise;

/// <summary>The managed noise enums have the names and values of the generated native ones.</summary>
public sealed class NoiseEnumMirrorTests
{
    [Fact]
    public void NoiseEnumsMirrorNativeValues()
    {
        Assert.Equal(Pairs<QdcnnNoiseChannel>(), Pairs<NoiseChannel>());
        Assert.Equal(Pairs<QdcnnNoiseMethod>(), Pairs<NoiseMethod>());
        Assert.Equal(12, NoiseModel.MaxDensityMatrixQubits);
    }

    private static IEnumerable<(string, int)> Pairs<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (v.ToString(), Convert.ToInt32(v))).Order().ToArray();
}
