using System.Text;
using Qdcnn.Text.Data;

// Linked into several test assemblies (see their csproj: <Compile Include="../Shared/TestPaths.cs" .../>
// plus <Using Include="Qdcnn.Tests.Shared" />), so each gets its own internal copy.
namespace Qdcnn.Tests.Shared;

/// <summary>
/// Locates ../shared next to the repository root; skips tests with a clear message when it is absent.
/// Partial so that one test assembly can add its own lookups (Qdcnn.Text.Tests adds its fixtures).
/// </summary>
internal static partial class TestPaths
{
    /// <summary>The first folder above the test binary holding Qdcnn.Native.sln or .git, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Qdcnn.Native.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>
    /// ../shared/&lt;relative&gt; (../shared itself when <paramref name="relative"/> is empty), skipping the
    /// test when it does not exist.
    /// </summary>
    public static string RequireShared(string relative = "")
    {
        string? root = RepositoryRoot();
        string? path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", relative));
        string shown = relative.Length == 0 ? "../shared" : $"../shared/{relative}";
        Skip.If(path is null || !(File.Exists(path) || Directory.Exists(path)),
            $"{shown} is absent next to the repository root (datasets and reference checkpoints); skipping.");
        return path!;
    }
}

/// <summary>A temporary folder, named after the test assembly (e.g. qdcnn-cli-tests-XXXX), deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    private static readonly string Prefix =
        (typeof(TempFolder).Assembly.GetName().Name ?? "qdcnn-tests").ToLowerInvariant().Replace('.', '-') + "-";

    public TempFolder() => Path = Directory.CreateTempSubdirectory(Prefix).FullName;

    public string Path { get; }

    /// <summary>A path inside the folder (not created).</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a UTF-8 file (with a byte-order mark when <paramref name="bom"/>) in the folder and returns its path.</summary>
    public string Write(string name, string content, bool bom = false)
    {
        string path = this[name];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    /// <summary>Writes sentences as a CSV file with header label,text.</summary>
    public string WriteCsv(string name, IEnumerable<LabeledSentence> sentences) =>
        Write(name, "label,text\n" + string.Concat(sentences.Select(s => $"{s.Label},\"{s.Text.Replace("\"", "\"\"")}\"\n")));

    /// <summary>Writes a small generated corpus as train/dev/test CSV files and returns the splits.</summary>
    public DatasetSplits WriteCorpus(string folder, CorpusOptions options)
    {
        var splits = CorpusGenerator.Generate(options);
        WriteCsv(System.IO.Path.Combine(folder, "train.csv"), splits.Train);
        if (splits.Dev is not null) WriteCsv(System.IO.Path.Combine(folder, "dev.csv"), splits.Dev);
        WriteCsv(System.IO.Path.Combine(folder, "test.csv"), splits.Test);
        return splits;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
