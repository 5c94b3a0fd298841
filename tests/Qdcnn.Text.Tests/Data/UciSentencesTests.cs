using System.Formats.Tar;
using System.IO.Compression;
using Qdcnn.Text.Data;

namespace Qdcnn.Text.Tests.Data;

/// <summary>The UCI loader and installer on small committed fixtures of the same JSON shape (no network).</summary>
public class UciSentencesTests
{
    private static readonly string FixtureFolder = TestPaths.Fixture("uci");

    [Fact]
    public void LoadsTheThreeFilesSkippingNullClasses()
    {
        var sentences = UciSentences.Load(FixtureFolder);
        Assert.Equal(12, sentences.Count);
        Assert.Equal(6, sentences.Count(s => s.Label == "1"));
        Assert.Equal("The battery lasts all day, great value.", sentences[0].Text);
        Assert.EndsWith("yelp.json", sentences[^1].SourceFile);
        var splits = UciSentences.LoadSplits(FixtureFolder, seed: 1, testFraction: 0.5, devFraction: 0.0);
        Assert.Equal(3, splits.Test.Count(s => s.Label == "0"));
        Assert.Equal(["0", "1"], splits.Labels.Labels);
    }

    [Fact]
    public void MissingFileSaysHowToFetch()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<DatasetException>(() => UciSentences.Load(temp.Path));
        Assert.Contains("amazon.json", e.Message);
        Assert.Contains("data fetch uci-sentences", e.Message);
    }

    [Fact]
    public void InstallsFromAPackageTarballIntoTheCache()
    {
        using var temp = new TempFolder();
        var tarball = Path.Combine(temp.Path, "sentiment-5.0.2.tgz");
        using (var file = File.Create(tarball))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/README.md") { DataStream = new MemoryStream("x"u8.ToArray()) });
            foreach (var name in UciSentences.FileNames)
            {
                tar.WriteEntry(Path.Combine(FixtureFolder, name), $"package/test/fixtures/{name}");
            }
        }
        var cache = Path.Combine(temp.Path, "cache", "uci-sentences");
        var fetcher = new UciSentencesFetcher(cache, npmCommand: "npm-that-does-not-exist-qdcnn");
        fetcher.InstallFromPackage(tarball);
        Assert.True(UciSentences.IsComplete(cache));
        Assert.Equal(File.ReadAllBytes(Path.Combine(FixtureFolder, "imdb.json")), File.ReadAllBytes(Path.Combine(cache, "imdb.json")));
        // Only the cache folder is left beside it: the staging folder was renamed, not copied.
        Assert.Equal([cache], Directory.GetDirectories(Path.GetDirectoryName(cache)!));
        // With the cache complete, Fetch does not run npm (which here does not exist).
        Assert.Equal(cache, fetcher.Fetch());
    }

    [Fact]
    public void TarballWithoutTheFixturesIsAClearErrorAndLeavesNoCache()
    {
        using var temp = new TempFolder();
        var tarball = Path.Combine(temp.Path, "other.tgz");
        using (var file = File.Create(tarball))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(Path.Combine(FixtureFolder, "amazon.json"), "package/test/fixtures/amazon.json");
        }
        var cache = Path.Combine(temp.Path, "cache", "uci-sentences");
        var e = Assert.Throws<InvalidOperationException>(() => new UciSentencesFetcher(cache).InstallFromPackage(tarball));
        Assert.Contains("imdb.json", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(cache)!));
    }

    [Fact]
    public void MissingNpmIsAClearError()
    {
        using var temp = new TempFolder();
        var fetcher = new UciSentencesFetcher(Path.Combine(temp.Path, "cache"), npmCommand: "npm-that-does-not-exist-qdcnn");
        var e = Assert.Throws<InvalidOperationException>(() => fetcher.Fetch());
        Assert.Contains("npm-that-does-not-exist-qdcnn", e.Message);
        Assert.Contains("npm pack sentiment@5.0.2", e.Message);
    }

    [Fact]
    public void CacheDirectoryFollowsXdg()
    {
        var old = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-qdcnn-test");
            Assert.Equal("/tmp/xdg-qdcnn-test/qdcnn/uci-sentences", UciSentences.DefaultCacheDirectory());
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "relative");
            Assert.EndsWith(Path.Combine(".cache", "qdcnn", "uci-sentences"), UciSentences.DefaultCacheDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", old);
        }
    }
}
