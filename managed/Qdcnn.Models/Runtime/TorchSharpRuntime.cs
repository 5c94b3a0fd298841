using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models;

/// <summary>
/// Loads TorchSharp's native libraries up front and, when that fails, says why in terms a user can act on.
/// TorchSharp's own message for a failed load ("... doesn't contain a reference to libtorch-cpu-linux-x64")
/// is misleading on Debian 12, where the real cause is a libstdc++ too old for libLibTorchSharp.so.
/// </summary>
public static class TorchSharpRuntime
{
    private const string ShimFile = "libLibTorchSharp.so";

    /// <summary>Runs a tiny computation (sum of ones(2)); throws with an explanation if TorchSharp cannot load.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native libraries cannot be loaded.</exception>
    public static void EnsureLoaded()
    {
        double sum;
        try
        {
            using var ones = torch.ones(2, dtype: ScalarType.Float64);
            using var total = ones.sum();
            sum = total.item<double>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException(Explain(ex), ex);
        }
        if (sum != 2.0)
            throw new InvalidOperationException($"TorchSharp loaded but torch.ones(2).sum() returned {sum} instead of 2.");
    }

    /// <summary>A diagnosis of a failed TorchSharp load: the loader's own error for the shim and what to do.</summary>
    public static string Explain(Exception failure)
    {
        var lines = new List<string> { $"TorchSharp cannot load its native libraries: {failure.GetType().Name}: {failure.Message}" };
        if (!OperatingSystem.IsLinux()) return string.Join(Environment.NewLine, lines);

        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", ShimFile),
            Path.Combine(AppContext.BaseDirectory, ShimFile),
        ];
        string? shim = candidates.FirstOrDefault(File.Exists);
        if (shim is null)
        {
            lines.Add($"{ShimFile} is not in the output ({string.Join(", ", candidates)}): does the project reference the "
                + "TorchSharp and libtorch-cpu-linux-x64 packages?");
            return string.Join(Environment.NewLine, lines);
        }
        if (NativeLibrary.TryLoad(shim, out IntPtr handle))
        {
            NativeLibrary.Free(handle);
            lines.Add($"{shim} itself loads, so the failure is elsewhere (see the inner exception).");
            return string.Join(Environment.NewLine, lines);
        }
        string loaderError;
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(shim));
            loaderError = "(no loader error on retry)";
        }
        catch (Exception ex)
        {
            loaderError = ex.Message;
        }
        lines.Add($"The dynamic loader's error for {shim}: {loaderError}");
        if (loaderError.Contains("GLIBCXX_3.4.32", StringComparison.Ordinal))
        {
            lines.Add("Cause: the system libstdc++ (e.g. GCC 12 on Debian 12) lacks version GLIBCXX_3.4.32, which "
                + ShimFile + " requires only for the unused marker symbol _ZSt21ios_base_library_initv. "
                + "The build step build/TorchSharpNativeFix.targets marks that need weak in the output copy; this copy "
                + "was not patched. Rebuild the project (look for 'TorchSharpNativeFix' messages or warnings in the build "
                + "output) and check with: readelf -V " + shim + " | grep GLIBCXX_3.4.32  (expect 'Flags: WEAK').");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
