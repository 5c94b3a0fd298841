using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary>Helpers for the output paths commands write.</summary>
internal static class OutputFiles
{
    /// <summary>The <c>--out</c> folder, or <c>runs/&lt;name&gt;-&lt;UTC time&gt;</c>; fails early when it exists and is not empty.</summary>
    public static string OutFolder(string? requested, string name)
    {
        string folder = Path.GetFullPath(requested ?? Path.Combine("runs", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        try
        {
            AtomicFile.RequireAbsentOrEmpty(folder);
        }
        catch (IOException e)
        {
            throw new UsageException($"--out: {e.Message}");
        }
        return folder;
    }

    /// <summary>Checks that a file option's folder exists (so a late write cannot fail for that reason).</summary>
    public static string? CheckedFile(string? path, string option)
    {
        if (path is null || path == "-") return path;
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option}: '{path}' is a folder; give a file name.");
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            throw new UsageException($"{option}: folder '{folder}' does not exist.");
        return full;
    }

    /// <summary>Writes JSON to a file (atomically) or, for <c>-</c>, to the output.</summary>
    public static void WriteJson(string? path, string json, CliContext context)
    {
        if (path is null) return;
        if (path == "-") context.Output.WriteLine(json);
        else AtomicFile.WriteAllText(path, json + "\n");
    }
}
