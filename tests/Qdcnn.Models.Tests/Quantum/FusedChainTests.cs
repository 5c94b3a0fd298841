using Qdcnn.Models.Checkpoints;
using Qdcnn.Models.Quantum;
using Qdcnn.Models.Tests.Fidelity;
using Qdcnn.Models.Tests.Support;
using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Quantum;

/// <summary>
/// The fused quantum chain (<see cref="MsffQuantumModel.UseFusedChain"/>, one autograd node per batch) against the
/// per-layer modules (the reference): logits and the gradient of every parameter, for every quantum MSFF variant and
/// the architecture switches (conv layers, depth, rep, Hadamard, dtype), with seeded and with the authors' weights.
/// </summary>
public class FusedChainTests
{
    public static TheoryData<string, string, int, int, int, bool, ScalarType> Variants => new()
    {
        // model, preset, conv layers, depth, rep, hadamard, dtype
        { "msff-qdconv", "mc", 1, 1, 1, false, ScalarType.Float64 },
        { "msff-qdconv", "rp", 2, 2, 5, true, ScalarType.Float64 },
        { "msff-qdconv", "mc", 2, 2, 3, true, ScalarType.Float64 },
        { "msff-qdconv", "rp", 1, 1, 2, false, ScalarType.Float64 },
        { "msff-qconv", "mc", 1, 1, 1, false, ScalarType.Float64 },
        { "msff-qconv", "rp", 2, 2, 5, true, ScalarType.Float64 },
        { "msff-qconv", "mc", 2, 1, 4, false, ScalarType.Float64 },
        { "msff-word", "mc", 1, 1, 1, false, ScalarType.Float64 },
        { "msff-word", "rp", 2, 2, 5, true, ScalarType.Float64 },
        { "msff-sentence", "mc", 1, 1, 1, false, ScalarType.Float64 },
        { "msff-sentence", "rp", 2, 2, 5, true, ScalarType.Float64 },
        { "msff-qdconv", "rp", 2, 2, 5, true, ScalarType.Float32 },
        { "msff-qconv", "mc", 2, 2, 3, true, ScalarType.Float32 },
        { "msff-word", "mc", 1, 2, 1, true, ScalarType.Float32 },
        { "msff-sentence", "rp", 1, 1, 5, false, ScalarType.Float32 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Fused_chain_gives_the_per_layer_logits_and_gradients(string model, string preset, int convLayers, int depth, int rep,
        bool hadamard, ScalarType dtype)
    {
        var config = ModelConfig.Preset(preset) with
        {
            ConvLayers = convLayers, ConvDepth = depth, EmbeddingLayers = rep, HadamardAfterEncoding = hadamard, Dtype = dtype, Seed = 11,
        };
        using var m = (MsffQuantumModel)ModelFactory.Create(model, config);
        var (batch, labels) = FixedBatches.Create(config, size: 8, seed: 3);
        using (batch)
        using (labels)
            AssertPathsAgree(m, batch, labels, dtype == ScalarType.Float64 ? 1e-10 : 2e-5);
    }

    [SkippableTheory]
    [InlineData("MC", "msff-qdconv")]
    [InlineData("RP", "msff-qdconv")]
    [InlineData("MC", "msff-qconv")]
    [InlineData("RP", "msff-qconv")]
    public void Fused_chain_agrees_on_the_authors_weights_and_test_sets(string dataset, string model)
    {
        string testSet = SharedData.Dataset(dataset.ToLowerInvariant(), "test");
        SharedData.SkipIfMissing(SharedData.ReferenceCheckpointPath);
        SharedData.SkipIfMissing(testSet);
        var checkpoint = ReferenceCheckpoint.Load(SharedData.ReferenceCheckpointPath);
        var (classes, texts) = LabelledCsv.Read(testSet);
        var config = ModelConfig.Preset(dataset) with { VocabSize = checkpoint.Vocabulary(dataset).Count };
        using var m = (MsffQuantumModel)ModelFactory.Create(model, config);
        m.LoadReferenceWeights(checkpoint.Model(dataset, model));
        var encoder = new SpecTextEncoder(checkpoint.Vocabulary(dataset), checkpoint.Idf(dataset), config.SeqLen);
        using var batch = encoder.Encode(texts, ScalarType.Float64);
        using var labels = tensor(classes.Select(c => (long)c).ToArray());
        AssertPathsAgree(m, batch, labels, 1e-10);

        // Evaluation (no_grad) runs the chain without an autograd node: same logits.
        using var noGrad = no_grad();
        m.UseFusedChain = true;
        using var fused = m.forward(batch);
        m.UseFusedChain = false;
        using var reference = m.forward(batch);
        AssertClose(reference, fused, 1e-10, "no_grad logits");
    }

    [Fact]
    public void A_noise_context_runs_the_per_layer_path()
    {
        var config = ModelConfig.Mc with { Seed = 2 };
        using var m = (MsffQuantumModel)ModelFactory.Create("msff-qdconv", config);
        Assert.True(m.UseFusedChain);
        var (batch, labels) = FixedBatches.Create(config, size: 4);
        using (batch)
        using (labels)
        using (no_grad())
        using (var scope = QuantumExecutionContext.Use(new QuantumExecutionOptions()))
        {
            using var logits = m.forward(batch);
            // Word embedding, conv kernel, sentence embedding, fully connected: each layer's call went through the scope.
            Assert.Equal(4UL, scope.Calls);
        }
    }

    [Fact]
    public void Fused_chain_reports_bad_token_ids_like_the_embedding()
    {
        var config = ModelConfig.Mc with { VocabSize = 19 };
        using var m = (MsffQuantumModel)ModelFactory.Create("msff-qdconv", config);
        using var ids = full(new long[] { 2, config.SeqLen }, 19L, ScalarType.Int64);
        using var tfIdf = ones(2, 19, ScalarType.Float64);
        var batch = new TextBatch(ids, tfIdf);
        var ex = Assert.Throws<ArgumentException>(() => m.forward(batch));
        Assert.Contains("Token ids must lie in [0, 19)", ex.Message);
    }

    /// <summary>Forward + cross-entropy backward on both paths; logits and every parameter's gradient agree to <paramref name="tolerance"/>.</summary>
    private static void AssertPathsAgree(MsffQuantumModel m, TextBatch batch, Tensor labels, double tolerance)
    {
        var (fusedLogits, fusedGrads) = LogitsAndGradients(m, batch, labels, fused: true);
        var (referenceLogits, referenceGrads) = LogitsAndGradients(m, batch, labels, fused: false);
        try
        {
            AssertClose(referenceLogits, fusedLogits, tolerance, "logits");
            Assert.Equal(referenceGrads.Keys.Order(), fusedGrads.Keys.Order());
            foreach (var (name, grad) in referenceGrads)
            {
                Assert.True(grad.abs().max().ToDouble() > 0, $"{name}: zero reference gradient");
                AssertClose(grad, fusedGrads[name], tolerance, name);
            }
        }
        finally
        {
            foreach (var t in fusedGrads.Values.Concat(referenceGrads.Values).Append(fusedLogits).Append(referenceLogits)) t.Dispose();
        }
    }

    private static (Tensor Logits, Dictionary<string, Tensor> Gradients) LogitsAndGradients(MsffQuantumModel m, TextBatch batch,
        Tensor labels, bool fused)
    {
        m.UseFusedChain = fused;
        foreach (var p in m.parameters()) p.grad = null;
        var logits = m.forward(batch);
        using (var loss = nn.functional.cross_entropy(logits, labels)) loss.backward();
        var grads = m.named_parameters().ToDictionary(np => np.name, np => np.parameter.grad!.detach().clone());
        using (no_grad()) return (logits.detach(), grads);
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.dtype, actual.dtype);
        double difference = (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs().max().ToDouble();
        Assert.True(difference <= tolerance, $"{what}: max |fused − per-layer| = {difference:E3} > {tolerance:E1}");
    }
}
