using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qdcnn.Interop;

/// <summary>
/// Finds and loads libqdcnn for every <c>[LibraryImport("qdcnn")]</c> in this assembly, then checks
/// its ABI version once. Search order: the file or folder named by <c>QDCNN_NATIVE_PATH</c> (only
/// that, when set, so a wrong path is reported rather than silently bypassed); otherwise this
/// assembly's folder, then the application's base folder, then the operating system's search.
/// </summary>
public static class NativeLibraryResolver
{
    /// <summary>Environment variable naming libqdcnn's file or the folder holding it.</summary>
    public const string PathVariable = "QDCNN_NATIVE_PATH";

    private static readonly object Gate = new();
    private static nint _library;
    private static string? _loadedFrom;

    /// <summary>The platform's file name of the library: libqdcnn.so, libqdcnn.dylib or qdcnn.dll.</summary>
    public static string FileName =>
        OperatingSystem.IsWindows() ? NativeMethods.LibraryName + ".dll"
        : OperatingSystem.IsMacOS() ? "lib" + NativeMethods.LibraryName + ".dylib"
        : "lib" + NativeMethods.LibraryName + ".so";

    /// <summary>Where the library was loaded from (null until the first native call).</summary>
    public static string? LoadedFrom => _loadedFrom;

    // A library (not an application) registers here on purpose: the resolver must be in place
    // before the first [LibraryImport] call, whichever type makes it.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == NativeMethods.LibraryName ? Load() : 0;

    /// <summary>Loads and ABI-checks the library once per process; later calls return the same handle.</summary>
    /// <exception cref="DllNotFoundException">No candidate could be loaded; the message lists each path tried.</exception>
    /// <exception cref="QdcnnAbiMismatchException">The library was built from another version of qdcnn.h.</exception>
    public static nint Load()
    {
        lock (Gate)
        {
            if (_library != 0)
            {
                return _library;
            }

            var assemblyDirectory = Path.GetDirectoryName(typeof(NativeLibraryResolver).Assembly.Location) ?? AppContext.BaseDirectory;
            var candidates = CandidatePaths(Environment.GetEnvironmentVariable(PathVariable), assemblyDirectory, AppContext.BaseDirectory);
            var library = LoadFirst(candidates, out var loadedFrom);
            AbiVersionCheck.Verify(library, loadedFrom);
            _loadedFrom = loadedFrom;
            _library = library;
            return library;
        }
    }

    /// <summary>
    /// The paths to try, in order. A set <paramref name="environmentValue"/> is the only candidate
    /// (a folder means the library file inside it); otherwise the two folders, then the bare file
    /// name for the operating system's own search.
    /// </summary>
    public static IReadOnlyList<string> CandidatePaths(string? environmentValue, string assemblyDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return [Directory.Exists(environmentValue) ? Path.Combine(environmentValue, FileName) : environmentValue];
        }

        var candidates = new List<string> { Path.Combine(assemblyDirectory, FileName) };
        var fromBase = Path.Combine(baseDirectory, FileName);
        if (!string.Equals(Path.GetFullPath(fromBase), Path.GetFullPath(candidates[0]), StringComparison.Ordinal))
        {
            candidates.Add(fromBase);
        }

        candidates.Add(FileName);
        return candidates;
    }

    /// <summary>Loads the first candidate that loads; the exception message names every path tried and why it failed.</summary>
    public static nint LoadFirst(IReadOnlyList<string> candidates, out string loadedFrom)
    {
        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            var isBareName = !candidate.Contains(Path.DirectorySeparatorChar) && !candidate.Contains('/');
            if (!isBareName && !File.Exists(candidate))
            {
                failures.Add($"{candidate} (no such file)");
                continue;
            }

            try
            {
                var library = NativeLibrary.Load(candidate);
                loadedFrom = candidate;
                return library;
            }
            catch (DllNotFoundException e)
            {
                failures.Add($"{candidate} ({e.Message.Trim()})");
            }
            catch (BadImageFormatException e)
            {
                failures.Add($"{candidate} ({e.Message.Trim()})");
            }
        }

        throw new DllNotFoundException(
            $"Could not load the Qdcnn native library {FileName}. Tried:\n  " + string.Join("\n  ", failures) +
            $"\nBuild it with `dotnet build` (which runs CMake for native/ and copies it next to the assemblies) " +
            $"or set {PathVariable} to the library file or its folder.");
    }
}
