using System.Globalization;

namespace Qdcnn.Training.Benchmarks;

/// <summary>The process's resident-memory figures from /proc/self/status (Linux), libtorch and native buffers included.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) in bytes, or null where /proc is unavailable.</summary>
    public static long? PeakResidentBytes() => ReadStatusKilobytes("VmHWM:") * 1024;

    /// <summary>Current resident set size (VmRSS) in bytes, or null where /proc is unavailable.</summary>
    public static long? ResidentBytes() => ReadStatusKilobytes("VmRSS:") * 1024;

    /// <summary>The 1-minute load average, or null where /proc/loadavg is unavailable.</summary>
    public static double? LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return null;
        string first = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return double.Parse(first, CultureInfo.InvariantCulture);
    }

    private static long? ReadStatusKilobytes(string key)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return null;
        foreach (string line in File.ReadLines(path))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            // "VmHWM:     123456 kB"
            string[] parts = line[key.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], CultureInfo.InvariantCulture);
        }
        return null;
    }
}
