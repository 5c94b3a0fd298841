using System.Runtime.InteropServices;

namespace Qdcnn.Training.Benchmarks;

/// <summary>
/// CPU time of the whole process (all threads) with nanosecond resolution: clock_gettime(CLOCK_PROCESS_CPUTIME_ID)
/// on Linux (Process.TotalProcessorTime there counts 10 ms clock ticks, too coarse for millisecond epochs).
/// </summary>
public static partial class ProcessCpuTime
{
    private const int ClockProcessCpuTimeId = 2;

    /// <summary>Process CPU time in milliseconds (falls back to <see cref="System.Diagnostics.Process.TotalProcessorTime"/> off Linux).</summary>
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var time) == 0)
            return time.Seconds * 1e3 + time.Nanoseconds * 1e-6;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
