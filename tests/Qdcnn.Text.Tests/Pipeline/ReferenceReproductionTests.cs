using System.Text.Json.Nodes;
using Qdcnn.Text.Data;

namespace Qdcnn.Text.Tests.Pipeline;

/// <summary>Fitting on the shared MC/RP training files reproduces the authors' vocabularies and idf tables.</summary>
public class ReferenceReproductionTests
{
    [SkippableTheory]
    [InlineData("MC", "mc", 19)]
    [InlineData("RP", "rp", 98)]
    public void VocabularyAndIdfMatchTheReferenceCheckpoint(string dataset, string folder, int expectedSize)
    {
        var shared = TestPaths.RequireShared();
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "reference", "msff_reference_checkpoints.json")))!;
        var expectedVocabulary = Vocabulary.FromJsonNode(reference[$"{dataset}_vocab.quantum.pkl"]);
        var expectedIdf = TfIdf.FromJsonNode(reference[$"{dataset}_idf.quantum.pkl"]);

        var train = DatasetLoader.LoadFile(Path.Combine(shared, "datasets", folder, "train.csv"));
        var pipeline = TextPipeline.Fit(train.Select(s => s.Text), dataset == "MC" ? PipelineOptions.Mc : PipelineOptions.Rp);

        Assert.Equal(expectedSize, pipeline.VocabularySize);
        Assert.Equal(expectedVocabulary.Tokens, pipeline.Vocabulary.Tokens);
        for (var id = 0; id < expectedSize; id++)
        {
            Assert.True(Math.Abs(expectedIdf.Idf[id] - pipeline.TfIdf.Idf[id]) <= 1e-12,
                $"{dataset} idf[{id}] ({pipeline.Vocabulary.TokenOf(id)}): reference {expectedIdf.Idf[id]:R}, ours {pipeline.TfIdf.Idf[id]:R}");
        }
    }

    [SkippableFact]
    public void SharedFoldersLoadWithTheirLabels()
    {
        var shared = TestPaths.RequireShared();
        var mc = DatasetLoader.LoadFolder(Path.Combine(shared, "datasets", "mc"));
        Assert.Equal((70, 30, 30), (mc.Train.Count, mc.Dev!.Count, mc.Test.Count));
        Assert.Equal(["0", "1"], mc.Labels.Labels);
        var rp = DatasetLoader.LoadFolder(Path.Combine(shared, "datasets", "rp"));
        Assert.Equal((74, 31), (rp.Train.Count, rp.Test.Count));
        Assert.Null(rp.Dev);
        var lambeqRp = DatasetLoader.LoadFolder(Path.Combine(shared, "datasets", "lambeq"), prefix: "rp");
        Assert.Equal(rp.Test.Select(s => s.Label), lambeqRp.Test.Select(s => s.Label));
        Assert.Throws<DatasetException>(() => DatasetLoader.LoadFolder(Path.Combine(shared, "datasets", "lambeq")));
    }
}
