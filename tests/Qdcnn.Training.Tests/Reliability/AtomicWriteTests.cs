namespace Qdcnn.Training.Tests.Reliability;

/// <summary>
/// Checkpoints and reports are written to a temporary file or staging folder and renamed: a failure in
/// the middle (a simulated kill) leaves either the previous content or nothing, never half a result.
/// </summary>
public sealed class AtomicWriteTests
{
    private sealed class SimulatedKill() : Exception("simulated kill in the middle of a write");

    [Fact]
    public void AFailureAfterTheCheckpointFilesAreWrittenLeavesNoCheckpointFolder()
    {
        using var folder = new TempFolder();
        using var run = Experiment.Run(TinyData.Corpus(train: 30, dev: 10, test: 10), TinyData.Settings("msff-dconv", epochs: 1), seed: 1);
        string target = folder["ckpt"];

        Assert.Throws<SimulatedKill>(() => AtomicFile.WriteDirectory(target, staging =>
        {
            Checkpoint.WriteInto(run.Trained, staging);
            Assert.True(File.Exists(Path.Combine(staging, Checkpoint.WeightsFile)));
            throw new SimulatedKill();
        }));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Throws<DirectoryNotFoundException>(() => Checkpoint.Load(target));
    }

    [Fact]
    public void AFailureHalfwayThroughAReportKeepsThePreviousReport()
    {
        using var folder = new TempFolder();
        string report = folder.Write("report.json", "{\"previous\": true}\n");

        Assert.Throws<SimulatedKill>(() => AtomicFile.Write(report, temp =>
        {
            File.WriteAllText(temp, "{\"half\": ");
            throw new SimulatedKill();
        }));

        Assert.Equal("{\"previous\": true}\n", File.ReadAllText(report));
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ASuccessfulWriteReplacesTheFileWholeAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string report = folder.Write("report.json", "old");
        AtomicFile.WriteAllText(report, "new content");
        Assert.Equal("new content", File.ReadAllText(report));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void AWeightsSaveThatCannotBeRenamedLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        using var run = Experiment.Run(TinyData.Corpus(train: 30, dev: 10, test: 10), TinyData.Settings("logreg", epochs: 1), seed: 1);
        // The destination is an occupied folder: the weights are fully written to the temporary file, then the rename fails.
        string weights = folder.Write("weights.bin/keep.txt", "mine");
        weights = Path.GetDirectoryName(weights)!;

        Assert.ThrowsAny<IOException>(() => Qdcnn.Models.ModelWeights.Save(run.Trained.Model, weights));

        Assert.Equal(["weights.bin"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(weights, "keep.txt")));
    }
}
