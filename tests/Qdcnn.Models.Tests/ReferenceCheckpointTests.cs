using Qdcnn.Models.Checkpoints;
using Qdcnn.Models.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests;

public class ReferenceCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qdcnn-refckpt-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void The_authors_file_parses_with_the_documented_keys_and_shapes()
    {
        SharedData.SkipIfMissing(SharedData.ReferenceCheckpointPath);
        var checkpoint = ReferenceCheckpoint.Load(SharedData.ReferenceCheckpointPath);
        Assert.Equal(8, checkpoint.ModelKeys.Count);

        Assert.Equal(19, checkpoint.Vocabulary("MC").Count);
        Assert.Equal(98, checkpoint.Vocabulary("RP").Count);
        Assert.Equal(2, checkpoint.Vocabulary("MC")["man_N"]);
        Assert.Equal(19, checkpoint.Idf("mc").Count);
        Assert.Equal(1.0, checkpoint.Idf("RP")[0]);
        Assert.Equal(1.0, checkpoint.Idf("RP")[1]);

        var dconv = checkpoint.Model("RP", "msff-dconv");
        Assert.Equal(new long[] { 1, 1, 3, 1 }, dconv["conv1d_2.weights"].Shape);
        Assert.Equal("f4", dconv["fc.weights"].Dtype);
        var qdconv = checkpoint.Model("RP", "msff-qdconv");
        Assert.Equal(new long[] { 35 }, qdconv["we_mapping.embedding.m_para"].Shape);
        Assert.Equal("f8", qdconv["fc.linear.m_para"].Dtype);
        Assert.Equal(25, checkpoint.Model("MC", "msff-qconv").Names.Count(n => n.StartsWith("conv1d.kernels.")));

        using var t = qdconv.ToTensor("fc.linear.m_para", ScalarType.Float64);
        Assert.Equal(qdconv["fc.linear.m_para"].Data, t.data<double>().ToArray());
        var ex = Assert.Throws<KeyNotFoundException>(() => dconv["conv1d.weights"]);
        Assert.Contains("conv1d_1.weights", ex.Message);
    }

    [SkippableFact]
    public void Classical_reference_weights_load_with_the_documented_layouts()
    {
        SharedData.SkipIfMissing(SharedData.ReferenceCheckpointPath);
        var weights = ReferenceCheckpoint.Load(SharedData.ReferenceCheckpointPath).Model("MC", "msff-conv");
        using var model = new Classical.MsffConv(ModelConfig.Mc with { Dtype = ScalarType.Float32 });
        model.LoadReferenceWeights(weights);
        var state = model.state_dict();
        // fc is stored [in, out] = [n, C]: element [i, j] becomes fc.weight[j, i].
        var fc = weights["fc.weights"];
        Assert.Equal((float)fc.Data[1 * 2 + 0], state["fc.weight"][0, 1].item<float>());
        // conv stored [out, in, k, 1]: element [o, i, k, 0] becomes conv1d_1.weight[o, i, k].
        var conv = weights["conv1d.weights"];
        Assert.Equal((float)conv.Data[(2 * 5 + 3) * 3 + 1], state["conv1d_1.weight"][2, 3, 1].item<float>());
        // embedding stored [V, n] as is.
        Assert.Equal((float)weights["we_mapping.weights"].Data[7 * 5 + 4], state["we_mapping.weight"][7, 4].item<float>());

        using var wrongSize = new Classical.MsffConv(ModelConfig.Rp);
        var ex = Assert.Throws<InvalidDataException>(() => wrongSize.LoadReferenceWeights(weights));
        Assert.Contains("we_mapping.weights", ex.Message);
    }

    [Fact]
    public void Malformed_files_give_errors_naming_the_entry()
    {
        string Write(string json)
        {
            string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            return path;
        }

        var ex = Assert.Throws<InvalidDataException>(() => ReferenceCheckpoint.Load(Write(
            """{"MC_x.best.model": {"w": {"shape": [2, 2], "dtype": "f4", "data": [1, 2, 3]}}}""")));
        Assert.Contains("MC_x.best.model/w", ex.Message);
        ex = Assert.Throws<InvalidDataException>(() => ReferenceCheckpoint.Load(Write(
            """{"MC_x.best.model": {"w": {"shape": [1], "dtype": "i8", "data": [1]}}}""")));
        Assert.Contains("i8", ex.Message);
        ex = Assert.Throws<InvalidDataException>(() => ReferenceCheckpoint.Load(Write("""{"MC_idf.quantum.pkl": {"0": 1.0, "2": 1.0}}""")));
        Assert.Contains("MC_idf.quantum.pkl", ex.Message);
        ex = Assert.Throws<InvalidDataException>(() => ReferenceCheckpoint.Load(Write("""{"MC_vocab.quantum.pkl": {"a": "x"}}""")));
        Assert.Contains("'a'", ex.Message);
        ex = Assert.Throws<InvalidDataException>(() => ReferenceCheckpoint.Load(Write("{ not json")));
        Assert.Contains("not valid JSON", ex.Message);
        Assert.Throws<FileNotFoundException>(() => ReferenceCheckpoint.Load(Path.Combine(_dir, "absent.json")));

        var ok = ReferenceCheckpoint.Load(Write("""{"MC_x.best.model": {"w": {"shape": [2], "dtype": "f8", "data": [0.5, -1]}}}"""));
        var keyEx = Assert.Throws<KeyNotFoundException>(() => ok.Model("RP", "x"));
        Assert.Contains("MC_x.best.model", keyEx.Message);
    }
}
