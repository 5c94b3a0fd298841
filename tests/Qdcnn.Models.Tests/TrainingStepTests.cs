using Qdcnn.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests;

public class TrainingStepTests
{
    public static TheoryData<string, string, ScalarType> Cases => new()
    {
        { "msff-dconv", "mc", ScalarType.Float64 },
        { "msff-dconv", "rp", ScalarType.Float32 },
        { "msff-conv", "mc", ScalarType.Float64 },
        { "msff-conv", "rp", ScalarType.Float32 },
        { "textcnn", "mc", ScalarType.Float64 },
        { "textcnn", "rp", ScalarType.Float32 },
        { "logreg", "mc", ScalarType.Float64 },
        { "logreg", "rp", ScalarType.Float32 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_adam_step_on_a_fixed_batch_lowers_the_loss(string model, string preset, ScalarType dtype)
    {
        var config = ModelConfig.Preset(preset) with { Dtype = dtype, Seed = 11 };
        using var m = ModelFactory.Create(model, config);
        var (batch, labels) = FixedBatches.Create(config, size: 8);
        using (batch)
        using (labels)
        {
            m.eval(); // no dropout: the comparison must see the same function before and after the step
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
            optimizer.step();

            using var after = nn.functional.cross_entropy(m.forward(batch), labels);
            Assert.True(after.ToDouble() < before, $"{model}/{preset}: loss {before} -> {after.ToDouble()}");
        }
    }

    [Fact]
    public void Same_seed_gives_identical_initial_weights_and_other_seed_differs()
    {
        using var a = ModelFactory.Create("msff-conv", ModelConfig.Mc with { Seed = 3 });
        using var b = ModelFactory.Create("msff-conv", ModelConfig.Mc with { Seed = 3 });
        using var c = ModelFactory.Create("msff-conv", ModelConfig.Mc with { Seed = 4 });
        torch.manual_seed(123); // the process-wide RNG must not matter
        using var d = ModelFactory.Create("msff-conv", ModelConfig.Mc with { Seed = 3 });
        var pa = a.state_dict(); var pb = b.state_dict(); var pc = c.state_dict(); var pd = d.state_dict();
        Assert.All(pa.Keys, k => Assert.True(Same(pa[k], pb[k]) && Same(pa[k], pd[k]), k));
        Assert.Contains(pa.Keys, k => !Same(pa[k], pc[k]));
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void Msff_rejects_a_batch_of_the_wrong_shape()
    {
        var config = ModelConfig.Mc;
        using var m = ModelFactory.Create("msff-dconv", config);
        var (batch, labels) = FixedBatches.Create(config with { VocabSize = 20 }, size: 2);
        using (batch)
        using (labels)
        {
            var ex = Assert.Throws<ArgumentException>(() => m.forward(batch));
            Assert.Contains("vocabulary size", ex.Message);
        }
    }
}
