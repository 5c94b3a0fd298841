using System.Runtime.InteropServices;

namespace Qdcnn.Models.Tests;

/// <summary>TorchSharp must load; when it does not, the failure must say why (see build/TorchSharpNativeFix.targets).</summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void TorchSharp_loads_and_computes()
    {
        // Throws InvalidOperationException with the loader's error and the GLIBCXX_3.4.32 explanation on failure.
        TorchSharpRuntime.EnsureLoaded();
    }

    [Fact]
    public void Output_copy_of_the_shim_loads_directly_with_the_system_libstdcxx()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "libLibTorchSharp.so exists on Linux only.");
        string shim = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(shim), $"{shim} is missing from the test output.");
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(shim));
        }
        catch (DllNotFoundException ex)
        {
            Assert.Fail(TorchSharpRuntime.Explain(ex));
        }
    }
}
