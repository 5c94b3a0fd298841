namespace Qdcnn.Models.Tests.Support;

/// <summary>Locates ../shared (datasets, reference checkpoints) relative to the repository root.</summary>
internal static class SharedData
{
    /// <summary>The repository root: the first folder above the test binary holding Qdcnn.Native.sln or .git.</summary>
    public static string RepoRoot => TestPaths.RepositoryRoot()
        ?? throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Qdcnn.Native.sln or .git.");

    /// <summary>../shared relative to the repository root.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The authors' checkpoint file.</summary>
    public static string ReferenceCheckpointPath => Path.Combine(Root, "reference", "msff_reference_checkpoints.json");

    /// <summary>A dataset split, e.g. Dataset("mc", "test") → ../shared/datasets/mc/test.csv.</summary>
    public static string Dataset(string name, string split) => Path.Combine(Root, "datasets", name, split + ".csv");

    /// <summary>Skips the calling test, naming the missing file, when <paramref name="path"/> does not exist.</summary>
    public static void SkipIfMissing(string path) =>
        Skip.IfNot(File.Exists(path), $"{path} is absent: the ../shared folder (datasets and reference checkpoints) is not available.");
}
