using System.Text;

namespace Qdcnn.Training;

/// <summary>Writes files and folders so that a failure never leaves a half-written result behind.</summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no BOM) to a temporary file beside <paramref name="path"/>, then renames it.</summary>
    public static void WriteAllText(string path, string contents) =>
        Write(path, temp => File.WriteAllText(temp, contents, new UTF8Encoding(false)));

    /// <summary>Lets <paramref name="write"/> fill a temporary file beside <paramref name="path"/>, then renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Lets <paramref name="fill"/> populate a fresh staging folder beside <paramref name="directory"/>, then
    /// renames it to <paramref name="directory"/>. An existing empty <paramref name="directory"/> is replaced;
    /// a non-empty one is an error (checked before and after filling).
    /// </summary>
    /// <exception cref="IOException"><paramref name="directory"/> exists and is not empty.</exception>
    public static void WriteDirectory(string directory, Action<string> fill)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(fill);
        string full = Path.GetFullPath(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        RequireAbsentOrEmpty(full);
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            RequireAbsentOrEmpty(full);
            if (Directory.Exists(full)) Directory.Delete(full);
            Directory.Move(staging, full);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Throws unless <paramref name="directory"/> is absent or an empty folder.</summary>
    /// <exception cref="IOException">It is a file, or a folder with entries.</exception>
    public static void RequireAbsentOrEmpty(string directory)
    {
        if (File.Exists(directory))
            throw new IOException($"'{directory}' is a file; an output folder is needed.");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new IOException($"Output folder '{directory}' already exists and is not empty; choose another --out.");
    }
}
