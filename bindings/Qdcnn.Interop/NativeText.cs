using System.Runtime.InteropServices;

namespace Qdcnn.Interop;

/// <summary>Reads library-owned UTF-8 strings (never freed by the caller: the library owns them).</summary>
public static unsafe class NativeText
{
    /// <summary>Copies a NUL-terminated UTF-8 string; null gives the empty string.</summary>
    public static string Copy(byte* text) => text == null ? string.Empty : Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
}
