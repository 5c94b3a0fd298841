using Qdcnn.Models;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests.Reliability;

/// <summary>
/// <see cref="ModelWeights.Load(TextClassifier, string)"/> refuses weights that do not fit the model
/// (another shape, a truncated file) with a message naming the file, and leaves the model's own
/// weights untouched when it refuses.
/// </summary>
public sealed class ModelWeightsMismatchTests
{
    private static ModelConfig Config(int vocabulary) => ModelConfig.Mc with { VocabSize = vocabulary, SeqLen = 6, Seed = 3 };

    private static Dictionary<string, double[]> Values(TextClassifier model)
    {
        using var noGrad = no_grad();
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    [Theory]
    [InlineData("msff-qdconv", 19, 41)]
    [InlineData("msff-dconv", 19, 41)]
    public void WeightsOfAnotherShapeAreRefusedAndTheModelKeepsItsWeights(string name, int savedVocabulary, int targetVocabulary)
    {
        using var folder = new TempFolder();
        string path = folder["weights.bin"];
        using (var source = ModelFactory.Create(name, Config(savedVocabulary))) ModelWeights.Save(source, path);

        using var target = ModelFactory.Create(name, Config(targetVocabulary));
        var before = Values(target);
        var ex = Assert.Throws<InvalidDataException>(() => ModelWeights.Load(target, path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(name, ex.Message);
        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void ATruncatedFileLeavesTheModelsWeightsUntouched()
    {
        using var folder = new TempFolder();
        string path = folder["weights.bin"];
        using (var source = ModelFactory.Create("msff-dconv", Config(19) with { Seed = 4 })) ModelWeights.Save(source, path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 8)]);

        using var target = ModelFactory.Create("msff-dconv", Config(19));
        var before = Values(target);
        var ex = Assert.Throws<InvalidDataException>(() => ModelWeights.Load(target, path));
        Assert.Contains(path, ex.Message);
        Assert.Equal(before, Values(target));
    }
}
