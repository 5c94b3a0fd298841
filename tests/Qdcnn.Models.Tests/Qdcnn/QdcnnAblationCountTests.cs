using Qdcnn.Models.Quantum;
using Qdcnn.Torch;

namespace Qdcnn.Models.Tests.Qdcnn;

/// <summary>Each ablation switch removes exactly its part: parameter and gate counts change as expected.</summary>
public class QdcnnAblationCountTests
{
    private static TextClassifier Build(string name, ModelConfig config) => ModelFactory.Create(name, config);

    private static (long Parameters, GateTally Gates) Counts(string name, ModelConfig config)
    {
        using var model = Build(name, config);
        return (model.ParameterCount, ((IQdcnnGateCounted)model).GatesPerSentence);
    }

    [Fact]
    public void Mc_parameter_counts_of_every_variant()
    {
        // n = 5: word embedding 5; word conv: width 2 (5·2 kernels + 10 pointwise) + width 3 (5·3 + 10) = 45;
        // sentence QCNN 5 → 3 → 2: (5 RY + 5 CRY + 2 pairs·2) + (3 + 3 + 1·2) = 22; without pooling 2·(5 + 5) = 20;
        // quantum fusion 4n = 20; fully connected n + 1 = 6.
        var mc = ModelConfig.Mc;
        Assert.Equal(98, Counts(QdcnnVariants.Full, mc).Parameters);
        Assert.Equal(98 - 20, Counts(QdcnnVariants.NoPointwise, mc).Parameters);
        Assert.Equal(98 - 22 + 20, Counts(QdcnnVariants.NoPooling, mc).Parameters);
        Assert.Equal(98 - 20, Counts(QdcnnVariants.SumFusion, mc).Parameters);
        Assert.Equal(5 + 45 + 6, Counts(QdcnnVariants.WordOnly, mc).Parameters);
        Assert.Equal(22 + 6, Counts(QdcnnVariants.SentenceOnly, mc).Parameters);
    }

    [Theory]
    [InlineData("mc")]
    [InlineData("rp")]
    public void Switches_remove_their_gates(string preset)
    {
        var config = ModelConfig.Preset(preset);
        int n = config.NumQubits, L = config.ConvLayers, seq = config.SeqLen;
        var full = Counts(QdcnnVariants.Full, config);

        // Pointwise off: one n-qubit mixer (n RY inputs + n RY + n CRY) per position per layer and width disappears.
        long mixerPositions = new[] { 2, 3 }.Sum(w => Enumerable.Range(1, L).Sum(l => seq - l * (w - 1)));
        var noPointwise = Counts(QdcnnVariants.NoPointwise, config);
        Assert.Equal(full.Parameters - 2 * 2L * n * L, noPointwise.Parameters);
        Assert.Equal(full.Gates.Cnots, noPointwise.Gates.Cnots);
        Assert.Equal(full.Gates.ControlledRotations - mixerPositions * n, noPointwise.Gates.ControlledRotations);
        Assert.Equal(full.Gates.SingleQubit - mixerPositions * 2 * n, noPointwise.Gates.SingleQubit);

        // Pooling off: the pooling CRYs (2 per dropped qubit) go, the later stages convolve all n qubits instead.
        using (var model = (QdcnnModel)Build(QdcnnVariants.Full, config))
        using (var plain = (QdcnnModel)Build(QdcnnVariants.NoPooling, config))
        {
            var plan = model.SentenceQcnn!.Plan;
            long pairs = plan.Stages.Sum(s => s.Pairs.Count);
            long pooledConv = plan.Stages.Sum(s => 2L * s.Active.Count);
            long plainConv = plan.Stages.Count * 2L * n;
            Assert.Equal(model.ParameterCount - 2 * pairs - pooledConv + plainConv, plain.ParameterCount);
            Assert.Equal(model.GatesPerSentence.ControlledRotations - 2 * pairs - pooledConv / 2 + plainConv / 2,
                plain.GatesPerSentence.ControlledRotations);
            Assert.Equal(model.GatesPerSentence.Cnots, plain.GatesPerSentence.Cnots);
            Assert.Empty(plain.SentenceQcnn!.Plan.Stages.SelectMany(s => s.Pairs));
        }

        // Sum fusion: the 2n-qubit fusion circuit (4n angles, 2n CRY, 2n input + 2n trainable RY) disappears.
        var sum = Counts(QdcnnVariants.SumFusion, config);
        Assert.Equal(full.Parameters - 4 * n, sum.Parameters);
        Assert.Equal(full.Gates.ControlledRotations - 2 * n, sum.Gates.ControlledRotations);
        Assert.Equal(full.Gates.SingleQubit - 4 * n, sum.Gates.SingleQubit);

        // Single branches: word + sentence + fusion + classifier add up.
        var word = Counts(QdcnnVariants.WordOnly, config);
        var sentence = Counts(QdcnnVariants.SentenceOnly, config);
        long classifier = n + 1;
        Assert.Equal(full.Parameters, word.Parameters + sentence.Parameters - classifier + 4 * n);
        var classifierGates = MsffGateCounts.FullyConnected(n);
        Assert.Equal(full.Gates.Total, word.Gates.Total + sentence.Gates.Total - classifierGates.Total + 6 * n); // fusion: 4n RY + 2n CRY
    }

    [Fact]
    public void Variants_and_qsann_are_in_the_catalog_and_build_deterministically()
    {
        foreach (var name in QdcnnVariants.Ablations.Select(a => a.Name).Append("qsann"))
        {
            var entry = ModelFactory.Find(name);
            Assert.True(entry.IsQuantum);
            using var a = entry.Create(ModelConfig.Mc with { Seed = 3 });
            using var b = entry.Create(ModelConfig.Mc with { Seed = 3 });
            var pa = a.parameters().ToList();
            var pb = b.parameters().ToList();
            Assert.Equal(pa.Count, pb.Count);
            for (int i = 0; i < pa.Count; i++) Assert.True(pa[i].allclose(pb[i], 0, 0));
        }
    }
}
