using Qdcnn.Models;
using Qdcnn.Text;
using Xunit.Abstractions;

namespace Qdcnn.Training.Tests.Reliability;

/// <summary>
/// A damaged checkpoint is refused with an exception whose message names the file at fault; it never
/// yields a model with half-loaded or garbage weights.
/// </summary>
public sealed class CorruptCheckpointTests : IClassFixture<CorruptCheckpointTests.SavedQdconv>
{
    private readonly ITestOutputHelper _output;
    private readonly SavedQdconv _saved;

    public CorruptCheckpointTests(ITestOutputHelper output, SavedQdconv saved) => (_output, _saved) = (output, saved);

    /// <summary>One trained msff-qdconv checkpoint shared by the tests (each test damages its own copy).</summary>
    public sealed class SavedQdconv : IDisposable
    {
        private readonly TempFolder _folder = new();

        public SavedQdconv()
        {
            using var run = Experiment.Run(TinyData.Corpus(train: 30, dev: 10, test: 10), TinyData.Settings("msff-qdconv", epochs: 1), seed: 2);
            Path = _folder["ckpt"];
            Checkpoint.Save(run.Trained, Path);
        }

        public string Path { get; }

        public void Dispose() => _folder.Dispose();
    }

    private string CopyTo(TempFolder folder)
    {
        string copy = folder["ckpt"];
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(_saved.Path)) File.Copy(file, System.IO.Path.Combine(copy, System.IO.Path.GetFileName(file)));
        return copy;
    }

    private T Refused<T>(string checkpoint) where T : Exception
    {
        var ex = Assert.Throws<T>(() => Checkpoint.Load(checkpoint).Dispose());
        _output.WriteLine($"{ex.GetType().Name}: {ex.Message}");
        return ex;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void TruncatedWeightsAreRefusedNamingWeightsBin(int cut)
    {
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        string weights = System.IO.Path.Combine(ckpt, Checkpoint.WeightsFile);
        byte[] bytes = File.ReadAllBytes(weights);
        // Cut in the header, in the middle, and one byte short of the end.
        int length = cut switch { 0 => 5, 1 => bytes.Length / 2, _ => bytes.Length - 1 };
        File.WriteAllBytes(weights, bytes[..length]);
        Assert.Contains(Checkpoint.WeightsFile, Refused<InvalidDataException>(ckpt).Message);
    }

    [Fact]
    public void WeightsWithTrailingBytesAreRefused()
    {
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        using (var stream = new FileStream(System.IO.Path.Combine(ckpt, Checkpoint.WeightsFile), FileMode.Append))
            stream.Write(new byte[] { 1, 2, 3, 4 });
        Assert.Contains(Checkpoint.WeightsFile, Refused<InvalidDataException>(ckpt).Message);
    }

    [Fact]
    public void RandomBytesAsWeightsAreRefused()
    {
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        var junk = new byte[4096];
        new Random(9).NextBytes(junk);
        File.WriteAllBytes(System.IO.Path.Combine(ckpt, Checkpoint.WeightsFile), junk);
        Assert.Contains(Checkpoint.WeightsFile, Refused<InvalidDataException>(ckpt).Message);
    }

    [Theory]
    [InlineData("model.json", "}{ not json")]
    [InlineData("model.json", "")]
    [InlineData("pipeline.json", "[1, 2")]
    [InlineData("pipeline.json", "{}")]
    [InlineData("labels.json", "not json at all")]
    public void GarbageJsonIsRefusedNamingTheFile(string file, string content)
    {
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        File.WriteAllText(System.IO.Path.Combine(ckpt, file), content);
        Assert.Contains(file, Refused<InvalidDataException>(ckpt).Message);
    }

    [Theory]
    [InlineData("model.json")]
    [InlineData("pipeline.json")]
    [InlineData("labels.json")]
    public void AMissingFileIsNamed(string file)
    {
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        File.Delete(System.IO.Path.Combine(ckpt, file));
        Assert.Contains(file, Refused<FileNotFoundException>(ckpt).Message);
    }

    [Fact]
    public void WeightsOfAModelWithAnotherVocabularyAreRefused()
    {
        // V=19 (5 qubits) weights placed into a checkpoint whose model and pipeline say V=41 (6 qubits).
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        var loaded = Checkpoint.Load(_saved.Path);
        int vocabulary = loaded.Model.Config.VocabSize;
        var otherConfig = loaded.Model.Config with { VocabSize = ModelConfig.QubitsFor(vocabulary) == 5 ? 41 : 19 };
        loaded.Dispose();
        using (var other = ModelFactory.Create("msff-qdconv", otherConfig))
            ModelWeights.Save(other, System.IO.Path.Combine(ckpt, Checkpoint.WeightsFile));
        var ex = Refused<InvalidDataException>(ckpt);
        Assert.Contains(Checkpoint.WeightsFile, ex.Message);
    }

    [Fact]
    public void APipelineOfAnotherVocabularyIsRefused()
    {
        using var folder = new TempFolder();
        string ckpt = CopyTo(folder);
        var other = TextPipeline.Fit(["alpha beta gamma", "delta epsilon"], PipelineOptions.Mc);
        other.Save(System.IO.Path.Combine(ckpt, Checkpoint.PipelineFile));
        var ex = Refused<InvalidDataException>(ckpt);
        Assert.Contains(Checkpoint.PipelineFile, ex.Message);
        Assert.Contains("vocabulary size", ex.Message);
    }
}
