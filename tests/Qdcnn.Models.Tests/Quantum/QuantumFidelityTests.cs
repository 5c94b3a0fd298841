using Qdcnn.Models.Checkpoints;
using Qdcnn.Models.Quantum;
using Qdcnn.Models.Tests.Fidelity;
using Qdcnn.Models.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Quantum;

/// <summary>
/// THE fidelity test of the quantum stack (native simulator → bindings → QuantumFunction → layers → model → text
/// pipeline): the authors' MSFF-QDConv weights, loaded with the spec's vocabularies and idf tables, score the shared
/// test sets exactly MC 30/30 and RP 30/31 (MSFF-SPEC.md). The QConv checkpoints are scored and reported too.
/// </summary>
public class QuantumFidelityTests
{
    [SkippableTheory]
    [InlineData("MC", MsffQDConv.RegistryName, 30, 30)]
    [InlineData("RP", MsffQDConv.RegistryName, 30, 31)]
    public void Authors_quantum_weights_reproduce_the_reference_scores(string dataset, string model, int correct, int total)
    {
        int hits = Score(dataset, model, total, ScalarType.Float64);
        Assert.True(hits == correct, $"{dataset} {model}: {hits}/{total} correct, reference {correct}/{total}.");
    }

    [SkippableTheory]
    [InlineData("MC")]
    [InlineData("RP")]
    public void Float32_gives_the_same_decisions_as_float64(string dataset)
    {
        int total = dataset == "MC" ? 30 : 31;
        Assert.Equal(Score(dataset, MsffQDConv.RegistryName, total, ScalarType.Float64),
            Score(dataset, MsffQDConv.RegistryName, total, ScalarType.Float32));
    }

    [SkippableTheory]
    [InlineData("MC")]
    [InlineData("RP")]
    public void Authors_qconv_weights_load_and_score_well_above_chance(string dataset)
    {
        // The spec states no reference score for MSFF-QConv. With the spec's kernel index i = c_in + c_out·n these
        // weights score MC 27/30 and RP 23/31 here; the transposed index (c_out + c_in·n) drops to 17/30 and 15/31,
        // so scoring well above chance checks that all n² kernels per layer are loaded and wired as the spec says.
        int total = dataset == "MC" ? 30 : 31;
        int hits = Score(dataset, MsffQConv.RegistryName, total, ScalarType.Float64);
        Assert.True(hits >= total * 0.7, $"{dataset} msff-qconv: only {hits}/{total} correct.");
    }

    private static int Score(string dataset, string model, int total, ScalarType dtype)
    {
        string testSet = SharedData.Dataset(dataset.ToLowerInvariant(), "test");
        SharedData.SkipIfMissing(SharedData.ReferenceCheckpointPath);
        SharedData.SkipIfMissing(testSet);

        var checkpoint = ReferenceCheckpoint.Load(SharedData.ReferenceCheckpointPath);
        var (labels, texts) = LabelledCsv.Read(testSet);
        Assert.Equal(total, labels.Count);
        var config = ModelConfig.Preset(dataset) with { VocabSize = checkpoint.Vocabulary(dataset).Count, Dtype = dtype };
        using var classifier = (MsffQuantumModel)ModelFactory.Create(model, config);
        classifier.LoadReferenceWeights(checkpoint.Model(dataset, model));
        classifier.eval();

        var encoder = new SpecTextEncoder(checkpoint.Vocabulary(dataset), checkpoint.Idf(dataset), config.SeqLen);
        using var batch = encoder.Encode(texts, dtype);
        using var _ = no_grad();
        using var logits = classifier.forward(batch);
        using var predicted = logits.argmax(1);
        using var expected = tensor(labels.Select(l => (long)l).ToArray());
        return (int)predicted.eq(expected).sum().item<long>();
    }
}
