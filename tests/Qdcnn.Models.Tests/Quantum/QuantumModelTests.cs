using Qdcnn.Models.Checkpoints;
using Qdcnn.Models.Quantum;
using Qdcnn.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Quantum;

/// <summary>Parameter counts, state_dict names, training step, seeding and save/load of the quantum MSFF models.</summary>
public class QuantumModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qdcnn-quantum-models-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("msff-qdconv", "mc", 19)]
    [InlineData("msff-qdconv", "rp", 90)]
    [InlineData("msff-qconv", "mc", 91)]
    [InlineData("msff-qconv", "rp", 666)]
    [InlineData("msff-word", "mc", 5 + 3 + 6)]        // rep·n + L·3·depth + n + 1
    [InlineData("msff-word", "rp", 35 + 2 * 6 + 8)]
    [InlineData("msff-sentence", "mc", 5 + 6)]        // rep·n + n + 1
    [InlineData("msff-sentence", "rp", 35 + 8)]
    public void Parameter_counts_match_the_spec(string model, string preset, long expected)
    {
        using var m = ModelFactory.Create(model, ModelConfig.Preset(preset));
        Assert.Equal(expected, m.ParameterCount);
        Assert.True(ModelFactory.Find(model).IsQuantum);
    }

    [Theory]
    [InlineData("MC", "msff-qdconv")]
    [InlineData("RP", "msff-qdconv")]
    [InlineData("MC", "msff-qconv")]
    [InlineData("RP", "msff-qconv")]
    public void State_dict_names_and_shapes_are_the_reference_checkpoint_keys(string dataset, string model)
    {
        using var m = ModelFactory.Create(model, ModelConfig.Preset(dataset));
        var names = m.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        if (File.Exists(SharedData.ReferenceCheckpointPath))
        {
            var reference = ReferenceCheckpoint.Load(SharedData.ReferenceCheckpointPath).Model(dataset, model);
            Assert.Equal(reference.Names.Order(), names.Keys.Order());
            foreach (var name in reference.Names) Assert.Equal(reference[name].Shape, names[name]);
        }
        else
        {
            Assert.Contains("we_mapping.embedding.m_para", names.Keys);
            Assert.Contains("fc.linear.m_para", names.Keys);
        }
    }

    public static TheoryData<string, string, ScalarType> TrainingCases => new()
    {
        { "msff-qdconv", "mc", ScalarType.Float64 },
        { "msff-qdconv", "rp", ScalarType.Float64 },
        { "msff-qdconv", "rp", ScalarType.Float32 },
        { "msff-qconv", "mc", ScalarType.Float64 },
        { "msff-qconv", "rp", ScalarType.Float32 },
        { "msff-word", "rp", ScalarType.Float64 },
        { "msff-sentence", "mc", ScalarType.Float64 },
    };

    [Theory]
    [MemberData(nameof(TrainingCases))]
    public void One_adam_step_on_a_fixed_batch_lowers_the_loss(string model, string preset, ScalarType dtype)
    {
        var config = ModelConfig.Preset(preset) with { Dtype = dtype, Seed = 5 };
        using var m = ModelFactory.Create(model, config);
        var (batch, labels) = FixedBatches.Create(config, size: 8);
        using (batch)
        using (labels)
        {
            using var optimizer = optim.Adam(m.parameters(), lr: 0.01);
            double before;
            using (var logits = m.forward(batch))
            {
                Assert.Equal(new long[] { 8, config.NumClasses }, logits.shape);
                Assert.Equal(dtype, logits.dtype);
                using var loss = nn.functional.cross_entropy(logits, labels);
                before = loss.ToDouble();
                optimizer.zero_grad();
                loss.backward();
            }
            Assert.All(m.parameters(), p => Assert.NotNull(p.grad));
            Assert.All(m.parameters(), p => Assert.True(p.grad!.abs().sum().ToDouble() > 0, "a parameter got no gradient"));
            optimizer.step();

            using var after = nn.functional.cross_entropy(m.forward(batch), labels);
            Assert.True(after.ToDouble() < before, $"{model}/{preset}/{dtype}: loss {before} -> {after.ToDouble()}");
        }
    }

    [Fact]
    public void Same_seed_gives_identical_initial_weights_and_other_seed_differs()
    {
        using var a = ModelFactory.Create("msff-qdconv", ModelConfig.Rp with { Seed = 3 });
        torch.manual_seed(99); // the process-wide RNG must not matter
        using var b = ModelFactory.Create("msff-qdconv", ModelConfig.Rp with { Seed = 3 });
        using var c = ModelFactory.Create("msff-qdconv", ModelConfig.Rp with { Seed = 4 });
        var pa = a.state_dict(); var pb = b.state_dict(); var pc = c.state_dict();
        foreach (var name in pa.Keys)
        {
            Assert.True(pa[name].eq(pb[name]).all().item<bool>(), $"{name} differs for the same seed");
            Assert.False(pa[name].eq(pc[name]).all().item<bool>(), $"{name} equal for different seeds");
        }
    }

    [Theory]
    [InlineData("msff-qdconv", ScalarType.Float64)]
    [InlineData("msff-qconv", ScalarType.Float32)]
    [InlineData("msff-word", ScalarType.Float64)]
    [InlineData("msff-sentence", ScalarType.Float64)]
    public void Weights_round_trip_bit_exactly(string model, ScalarType dtype)
    {
        var config = ModelConfig.Rp with { Dtype = dtype };
        using var original = ModelFactory.Create(model, config with { Seed = 1 });
        using (no_grad())
            foreach (var p in original.parameters()) p.mul_(1.0 / 3.0).add_(Math.PI / 7);
        string path = Path.Combine(_dir, model + ".bin");
        ModelWeights.Save(original, path);

        using var restored = ModelFactory.Create(model, config with { Seed = 2 });
        ModelWeights.Load(restored, path);

        var expected = original.state_dict();
        var actual = restored.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, tensor) in expected)
            Assert.Equal(tensor.contiguous().bytes.ToArray(), actual[name].contiguous().bytes.ToArray());

        var (batch, _) = FixedBatches.Create(config, size: 4);
        using (batch)
        using (no_grad())
        {
            using var a = original.forward(batch);
            using var b = restored.forward(batch);
            Assert.Equal(a.contiguous().bytes.ToArray(), b.contiguous().bytes.ToArray());
        }
    }

    [Fact]
    public void Configurations_the_circuits_cannot_express_are_clear_errors()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelFactory.Create("msff-qdconv", ModelConfig.Mc with { KernelSize = 4, SeqLen = 8 }));
        Assert.Contains("KernelSize", ex.Message);
        Assert.ThrowsAny<ArgumentException>(() => ModelFactory.Create("msff-qdconv", ModelConfig.Mc with { EmbeddingLayers = 5 }));
    }
}
