namespace Qdcnn.Text.Tests;

/// <summary>Locates the shared data folder (../shared next to the repository root) and per-test temp folders.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the first folder above the test binary holding .git or Qdcnn.Native.sln.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, "Qdcnn.Native.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>../shared relative to the repository root, or null when absent.</summary>
    public static string? SharedFolder()
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            return null;
        }
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    /// <summary>Skips the test with a clear message when ../shared is absent; returns its path otherwise.</summary>
    public static string RequireShared()
    {
        var shared = SharedFolder();
        Skip.If(shared is null, "../shared (datasets and reference checkpoints) is absent next to the repository root; skipping.");
        return shared!;
    }

    /// <summary>The committed fixture file <paramref name="name"/>.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("qdcnn-text-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> (UTF-8, optional BOM) to a file in the folder and returns its path.</summary>
    public string Write(string name, string content, bool bom = false)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(bom));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
