using static TorchSharp.torch;

namespace Qdcnn.Models.Tests;

public class SaveLoadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qdcnn-models-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("msff-dconv", ScalarType.Float64)]
    [InlineData("msff-conv", ScalarType.Float32)]
    [InlineData("textcnn", ScalarType.Float64)]
    [InlineData("logreg", ScalarType.Float32)]
    public void Weights_round_trip_bit_exactly(string model, ScalarType dtype)
    {
        var config = ModelConfig.Rp with { Dtype = dtype };
        using var original = ModelFactory.Create(model, config with { Seed = 1 });
        // Perturb so the weights are not just a replay of the seeded initialisation.
        using (no_grad())
            foreach (var p in original.parameters()) p.mul_(1.0 / 3.0).add_(Math.PI / 7);
        string path = Path.Combine(_dir, model + ".bin");
        ModelWeights.Save(original, path);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));

        using var restored = ModelFactory.Create(model, config with { Seed = 2 });
        ModelWeights.Load(restored, path);

        var expected = original.state_dict();
        var actual = restored.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, tensor) in expected)
        {
            Assert.Equal(tensor.dtype, actual[name].dtype);
            Assert.Equal(Bytes(tensor), Bytes(actual[name]));
        }
    }

    [Fact]
    public void Loading_into_a_model_of_another_shape_fails_naming_the_file()
    {
        using var rp = ModelFactory.Create("msff-dconv", ModelConfig.Rp);
        string path = Path.Combine(_dir, "rp.bin");
        ModelWeights.Save(rp, path);
        using var mc = ModelFactory.Create("msff-dconv", ModelConfig.Mc);
        var ex = Assert.ThrowsAny<Exception>(() => ModelWeights.Load(mc, path));
        Assert.Contains("rp.bin", ex.Message);
        Assert.Throws<FileNotFoundException>(() => ModelWeights.Load(mc, Path.Combine(_dir, "missing.bin")));
    }

    private static byte[] Bytes(Tensor t) => t.contiguous().bytes.ToArray();
}
