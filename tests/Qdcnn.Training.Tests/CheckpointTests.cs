using System.Text.Json.Nodes;

namespace Qdcnn.Training.Tests;

public class CheckpointTests
{
    [Fact]
    public void SaveThenLoadReproducesLogitsBitForBit()
    {
        using var folder = new TempFolder();
        var splits = TinyData.Corpus();
        using var run = Experiment.Run(splits, TinyData.Settings("msff-dconv", epochs: 2), seed: 3);
        Checkpoint.Save(run.Trained, folder["ckpt"]);

        using var loaded = Checkpoint.Load(folder["ckpt"]);
        using var set = loaded.Encode(splits.Test);
        var evaluation = Evaluator.Evaluate(loaded.Model, set);

        Assert.Equal("msff-dconv", loaded.Model.Name);
        Assert.Equal(run.Trained.Model.Config, loaded.Model.Config with { TextCnn = run.Trained.Model.Config.TextCnn });
        Assert.Equal(run.SelectedTest.Logits, evaluation.Logits);
        Assert.Equal(run.SelectedTest.Correct, evaluation.Correct);
        Assert.Equal(run.Trained.Labels.Labels, loaded.Labels.Labels);
        Assert.Equal("msff-dconv", (string?)JsonNode.Parse(File.ReadAllText(folder["ckpt/model.json"]))!["model"]);
    }

    [Fact]
    public void SavingIntoANonEmptyFolderFailsAndChangesNothing()
    {
        using var folder = new TempFolder();
        folder.Write("ckpt/keep.txt", "mine");
        using var run = Experiment.Run(TinyData.Corpus(), TinyData.Settings("logreg", epochs: 1), seed: 1);
        Assert.Throws<IOException>(() => Checkpoint.Save(run.Trained, folder["ckpt"]));
        Assert.Equal(["keep.txt"], Directory.GetFiles(folder["ckpt"]).Select(Path.GetFileName));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void AFailedDirectoryWriteLeavesNothingBehind()
    {
        using var folder = new TempFolder();
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteDirectory(folder["out"], staging =>
        {
            File.WriteAllText(Path.Combine(staging, "half.json"), "{");
            throw new InvalidOperationException("disk full");
        }));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void LoadingAnIncompleteCheckpointNamesTheMissingFile()
    {
        using var folder = new TempFolder();
        using var run = Experiment.Run(TinyData.Corpus(), TinyData.Settings("logreg", epochs: 1), seed: 1);
        Checkpoint.Save(run.Trained, folder["ckpt"]);
        File.Delete(folder["ckpt/weights.bin"]);
        var ex = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(folder["ckpt"]));
        Assert.Contains("weights.bin", ex.Message);
        Assert.Throws<DirectoryNotFoundException>(() => Checkpoint.Load(folder["nowhere"]));
    }

    [Fact]
    public void ACorruptModelFileIsReportedWithItsPath()
    {
        using var folder = new TempFolder();
        using var run = Experiment.Run(TinyData.Corpus(), TinyData.Settings("logreg", epochs: 1), seed: 1);
        Checkpoint.Save(run.Trained, folder["ckpt"]);
        File.WriteAllText(folder["ckpt/model.json"], "{\"format\": \"other\"}");
        var ex = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(folder["ckpt"]));
        Assert.Contains("model.json", ex.Message);
    }
}
