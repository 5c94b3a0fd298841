using System.Reflection;
using System.Runtime.InteropServices;

namespace Qdcnn.BindingsGenerator.Clang;

/// <summary>
/// Points the <c>libclang</c> imports at the first existing file among the configured candidates.
/// A fixed, system-installed libclang keeps the generated output the same on every machine.
/// </summary>
internal static class LibClangLoader
{
    private static readonly object Gate = new();
    private static string? _loadedPath;

    /// <summary>Loads libclang once per process; later calls must name the same candidates.</summary>
    public static string EnsureLoaded(IReadOnlyList<string> candidates)
    {
        lock (Gate)
        {
            if (_loadedPath is not null)
            {
                return _loadedPath;
            }

            var tried = new List<string>();
            foreach (var candidate in candidates)
            {
                tried.Add(candidate);
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                {
                    NativeLibrary.SetDllImportResolver(Assembly.GetExecutingAssembly(),
                        (name, _, _) => name == LibClang.LibraryName ? handle : 0);
                    _loadedPath = candidate;
                    return candidate;
                }
            }

            throw new GenerationException(
                "libclang could not be loaded. Tried: " + string.Join(", ", tried) +
                ". Install Debian's libclang1-14 (apt-get install libclang1-14) or set QDCNN_LIBCLANG to a libclang shared library.");
        }
    }
}
