namespace Qdcnn.Interop;

/// <summary>Library-wide queries used by tests and diagnostics.</summary>
public static unsafe class NativeDiagnostics
{
    /// <summary>The ABI version the loaded library implements.</summary>
    public static int LibraryAbiVersion()
    {
        int version;
        NativeStatus.Check(NativeMethods.qdcnn_library_abi_version(&version));
        return version;
    }

    /// <summary>The number of live native handles of all kinds (circuits, observables, states, simulators).</summary>
    public static long LiveHandleCount()
    {
        long count;
        NativeStatus.Check(NativeMethods.qdcnn_debug_live_handles(&count));
        return count;
    }

    /// <summary>The native name of a status code as the library reports it ("QDCNN_ERROR_PARSE").</summary>
    public static string StatusName(int status)
    {
        byte* name;
        NativeStatus.Check(NativeMethods.qdcnn_status_name(status, &name));
        return NativeText.Copy(name);
    }
}
