namespace Qdcnn.MemorySoak;

/// <summary>Resident memory of this process as Linux reports it in /proc/self/status.</summary>
internal static class ProcessMemory
{
    /// <summary>Current resident set size (VmRSS) and its peak so far (VmHWM), in KiB.</summary>
    public static (long RssKiB, long PeakKiB) Read()
    {
        long rss = -1, peak = -1;
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = ParseKiB(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = ParseKiB(line);
        }
        if (rss < 0 || peak < 0) throw new InvalidOperationException("/proc/self/status has no VmRSS/VmHWM line (Linux only).");
        return (rss, peak);
    }

    // "VmRSS:	  123456 kB"
    private static long ParseKiB(string line) =>
        long.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
}
