using System.Runtime.InteropServices;

namespace Qdcnn.Interop;

/// <summary>
/// Checks that a loaded libqdcnn implements the ABI version (QDCNN_ABI_VERSION) these bindings were
/// generated for, so a stale library fails at load with instructions rather than corrupting memory.
/// </summary>
public static unsafe class AbiVersionCheck
{
    private const string ExportName = "qdcnn_library_abi_version";

    /// <summary>Reads the version from a loaded library and checks it.</summary>
    /// <exception cref="QdcnnAbiMismatchException">Missing export or another version.</exception>
    public static void Verify(nint library, string libraryPath)
    {
        if (!NativeLibrary.TryGetExport(library, ExportName, out var export))
        {
            throw new QdcnnAbiMismatchException(
                $"{libraryPath} does not export {ExportName}; it is not a Qdcnn native library or predates the ABI check. " +
                RebuildAdvice);
        }

        int version;
        var status = ((delegate* unmanaged<int*, QdcnnStatus>)export)(&version);
        if (status != QdcnnStatus.Ok)
        {
            throw new QdcnnAbiMismatchException($"{libraryPath}: {ExportName} failed with {NativeStatus.CName(status)}. {RebuildAdvice}");
        }

        Verify(version, NativeMethods.AbiVersion, libraryPath);
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void Verify(int actual, int expected, string libraryPath)
    {
        if (actual != expected)
        {
            throw new QdcnnAbiMismatchException(
                $"{libraryPath} implements Qdcnn ABI version {actual}, but Qdcnn.Interop was generated for version {expected}. " +
                RebuildAdvice);
        }
    }

    private const string RebuildAdvice =
        "Rebuild native/ and the bindings from the same qdcnn.h: run `dotnet build` (it rebuilds native/ through " +
        "build/Native.targets and copies libqdcnn next to the assemblies), regenerate the bindings with " +
        "`dotnet run --project bindings/generator/Qdcnn.BindingsGenerator` if the header changed, and unset " +
        "QDCNN_NATIVE_PATH if it points at an old build.";
}
