using System.Diagnostics;
using Qdcnn.Models.Quantum;
using Qdcnn.Models.Quantum.Baselines;
using Qdcnn.Text;
using Qdcnn.Text.Data;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Qdcnn;

/// <summary>
/// The full variant learns the embedded generated corpus (epoch chosen on the dev split, test scored once after),
/// and the QSANN baseline's gradients are exact and one optimiser step lowers its loss.
/// </summary>
public class QdcnnTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void Full_variant_reaches_90_percent_test_accuracy_on_the_embedded_corpus()
    {
        var splits = CorpusGenerator.Generate(new CorpusOptions());
        var pipeline = TextPipeline.Fit(splits.Train.Select(s => s.Text), PipelineOptions.Mc);
        // The embedded preset of Qdcnn.Training (TrainingPreset.Embedded, chosen on the dev split): rep 5, no H, L 2,
        // depth 2, seq_len 6; Adam lr 0.05, batch 8, 30 epochs. Repeated here because this project does not reference Qdcnn.Training.
        var config = ModelConfig.Mc with
        {
            VocabSize = pipeline.VocabularySize, SeqLen = pipeline.SequenceLength, NumClasses = splits.Labels.Count, Seed = 1,
            EmbeddingLayers = 5, HadamardAfterEncoding = false, ConvLayers = 2, ConvDepth = 2,
        };
        using var model = ModelFactory.Create(QdcnnVariants.Full, config);
        var (trainIds, trainTfIdf, trainLabels) = Encode(pipeline, splits.Train, splits.TrainClasses);
        var (devIds, devTfIdf, devLabels) = Encode(pipeline, splits.Dev!, splits.DevClasses!);
        var (testIds, testTfIdf, testLabels) = Encode(pipeline, splits.Test, splits.TestClasses);

        torch.set_num_threads(1);
        using var shuffle = new Generator(7, CPU);
        using var optimizer = optim.Adam(model.parameters(), 0.05, 0.9, 0.999, 1e-8);
        const int epochs = 30, batchSize = 8;
        double bestDev = -1;
        Dictionary<string, Tensor>? best = null;
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            model.train();
            using var order = randperm(trainIds.shape[0], generator: shuffle);
            for (long start = 0; start < trainIds.shape[0]; start += batchSize)
            {
                using var step = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(batchSize, trainIds.shape[0] - start));
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(
                    model.forward(new TextBatch(trainIds.index_select(0, index), trainTfIdf.index_select(0, index))), trainLabels.index_select(0, index));
                loss.backward();
                optimizer.step();
            }
            double dev = Accuracy(model, devIds, devTfIdf, devLabels);
            output.WriteLine($"epoch {epoch}: dev {dev:P1} ({clock.Elapsed.TotalSeconds:F1} s)");
            if (dev > bestDev)
            {
                bestDev = dev;
                if (best is not null) foreach (var t in best.Values) t.Dispose();
                best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }
        }
        model.load_state_dict(best!);
        double test = Accuracy(model, testIds, testTfIdf, testLabels);
        output.WriteLine($"selected dev {bestDev:P1}, test {test:P1}, {model.ParameterCount} parameters");
        Assert.True(test >= 0.90, $"qdcnn-full test accuracy {test:P1} (dev-selected) is below 90 %");
    }

    [Fact]
    public void Qsann_gradients_match_finite_differences_and_one_step_lowers_the_loss()
    {
        var config = ModelConfig.Mc with { Seed = 5 };
        using var model = new Qsann(config);
        using var g = new Generator(9, CPU);
        using var ids = randint(0, config.VocabSize, [4, config.SeqLen], generator: g);
        ids[3] = tensor(new long[] { 5, 1, 1, 1, 1, 1 });  // a short sentence: PAD masked out
        using var tfIdf = rand([4, config.VocabSize], ScalarType.Float64, generator: g) + 0.01;
        using var labels = tensor(new long[] { 0, 1, 1, 0 });
        var batch = new TextBatch(ids, tfIdf);
        Func<Tensor> loss = () => nn.functional.cross_entropy(model.forward(batch), labels);

        var parameters = model.parameters().ToList();
        foreach (var p in parameters) p.grad?.zero_();
        using (var value = loss()) value.backward();
        foreach (var p in parameters)
        {
            double[] analytic = p.grad!.contiguous().view(-1).data<double>().ToArray();
            using var _ = no_grad();
            using var flat = p.detach().view(-1);
            var values = flat.data<double>();
            for (int i = 0; i < analytic.Length; i++)
            {
                double original = values[i];
                values[i] = original + 1e-5;
                double plus = Scalar(loss);
                values[i] = original - 1e-5;
                double minus = Scalar(loss);
                values[i] = original;
                Assert.True(Math.Abs((plus - minus) / 2e-5 - analytic[i]) <= 1e-6, $"parameter element {i}");
            }
        }

        double before = Scalar(loss);
        using var optimizer = optim.Adam(model.parameters(), 0.05);
        optimizer.zero_grad();
        using (var value = loss()) value.backward();
        optimizer.step();
        Assert.True(Scalar(loss) < before);
    }

    private static double Scalar(Func<Tensor> loss)
    {
        using var value = loss();
        return value.item<double>();
    }

    private static (Tensor Ids, Tensor TfIdf, Tensor Labels) Encode(TextPipeline pipeline, IReadOnlyList<LabeledSentence> sentences, int[] classes)
    {
        var encoded = pipeline.Encode(sentences.Select(s => s.Text).ToList());
        return (tensor(encoded.TokenIds, [encoded.Count, encoded.SequenceLength]),
            tensor(encoded.TfIdf, [encoded.Count, encoded.VocabularySize]),
            tensor(classes.Select(c => (long)c).ToArray()));
    }

    private static double Accuracy(TextClassifier model, Tensor ids, Tensor tfIdf, Tensor labels)
    {
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var predicted = model.forward(new TextBatch(ids, tfIdf)).argmax(1);
        return predicted.eq(labels).sum().item<long>() / (double)labels.shape[0];
    }
}
