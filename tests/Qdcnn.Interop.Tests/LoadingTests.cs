namespace Qdcnn.Interop.Tests;

/// <summary>The native-library resolver and the ABI-version check.</summary>
public sealed class LoadingTests
{
    [Fact]
    public void LoadedLibraryImplementsTheGeneratedAbiVersion()
    {
        Assert.Equal(NativeMethods.AbiVersion, NativeDiagnostics.LibraryAbiVersion());
    }

    [Fact]
    public void LibraryIsLoadedFromBesideTheAssembliesByDefault()
    {
        NativeDiagnostics.LibraryAbiVersion();
        var expected = Environment.GetEnvironmentVariable(NativeLibraryResolver.PathVariable) is { Length: > 0 }
            ? null
            : Path.Combine(Path.GetDirectoryName(typeof(NativeMethods).Assembly.Location)!, NativeLibraryResolver.FileName);
        Assert.NotNull(NativeLibraryResolver.LoadedFrom);
        if (expected is not null)
        {
            Assert.Equal(expected, NativeLibraryResolver.LoadedFrom);
        }
    }

    [Fact]
    public void AbiMismatchMessageSaysWhatToDo()
    {
        var e = Assert.Throws<QdcnnAbiMismatchException>(() => AbiVersionCheck.Verify(2, 1, "/opt/old/libqdcnn.so"));
        Assert.Contains("/opt/old/libqdcnn.so", e.Message);
        Assert.Contains("version 2", e.Message);
        Assert.Contains("version 1", e.Message);
        Assert.Contains("dotnet build", e.Message);
        Assert.Contains("QDCNN_NATIVE_PATH", e.Message);
        AbiVersionCheck.Verify(3, 3, "any");
    }

    [Fact]
    public void EnvironmentPathIsTheOnlyCandidateWhenSet()
    {
        var folder = Directory.CreateTempSubdirectory("qdcnn-resolver-").FullName;
        try
        {
            Assert.Equal([Path.Combine(folder, NativeLibraryResolver.FileName)],
                NativeLibraryResolver.CandidatePaths(folder, "/app/bin", "/app/bin"));
            Assert.Equal(["/custom/libqdcnn-debug.so"],
                NativeLibraryResolver.CandidatePaths("/custom/libqdcnn-debug.so", "/app/bin", "/app/bin"));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void WithoutEnvironmentTheAssemblyFolderComesFirst()
    {
        var file = NativeLibraryResolver.FileName;
        Assert.Equal(["/app/lib/" + file, "/app/bin/" + file, file],
            NativeLibraryResolver.CandidatePaths(null, "/app/lib", "/app/bin"));
        Assert.Equal(["/app/bin/" + file, file], NativeLibraryResolver.CandidatePaths("", "/app/bin", "/app/bin/"));
    }

    [Fact]
    public void FailedLoadNamesEveryPathTriedAndTheFix()
    {
        var e = Assert.Throws<DllNotFoundException>(() =>
            NativeLibraryResolver.LoadFirst(["/nonexistent/a/libqdcnn.so", "/nonexistent/b/libqdcnn.so"], out _));
        Assert.Contains("/nonexistent/a/libqdcnn.so (no such file)", e.Message);
        Assert.Contains("/nonexistent/b/libqdcnn.so (no such file)", e.Message);
        Assert.Contains("QDCNN_NATIVE_PATH", e.Message);
        Assert.Contains("dotnet build", e.Message);
    }

    [Fact]
    public void AFileThatIsNotALibraryIsReportedWithTheLoaderError()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not an ELF file");
            var e = Assert.Throws<DllNotFoundException>(() => NativeLibraryResolver.LoadFirst([path], out _));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
