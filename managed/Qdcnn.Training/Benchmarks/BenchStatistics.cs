namespace Qdcnn.Training.Benchmarks;

/// <summary>Median, minimum and maximum of a set of timings (milliseconds).</summary>
/// <param name="Median">Median (mean of the two middle values for an even count).</param>
/// <param name="Min">Fastest sample.</param>
/// <param name="Max">Slowest sample.</param>
/// <param name="Samples">Number of samples.</param>
public sealed record TimingSummary(double Median, double Min, double Max, int Samples)
{
    /// <summary>Summarises <paramref name="samples"/> (at least one).</summary>
    /// <exception cref="ArgumentException">No samples.</exception>
    public static TimingSummary Of(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("At least one timing sample is needed.", nameof(samples));
        var sorted = samples.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new TimingSummary(median, sorted[0], sorted[^1], sorted.Length);
    }
}

/// <summary>Where a benchmark ran: CPU model, logical CPUs, load average and time, recorded beside every figure.</summary>
/// <param name="CpuModel">"Model name" from /proc/cpuinfo (or the OS description elsewhere).</param>
/// <param name="LogicalCpus">Environment.ProcessorCount.</param>
/// <param name="LoadAverage">/proc/loadavg's 1-minute value at the start, or null where unavailable.</param>
/// <param name="UtcTime">When the benchmark started (ISO 8601).</param>
public sealed record MachineInfo(string CpuModel, int LogicalCpus, double? LoadAverage, string UtcTime)
{
    /// <summary>Reads the current machine's description.</summary>
    public static MachineInfo Current() => new(ReadCpuModel(), Environment.ProcessorCount, ProcessMemory.LoadAverage(),
        DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

    private static string ReadCpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
            foreach (string line in File.ReadLines(cpuinfo))
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                    return line[(colon + 1)..].Trim();
        return System.Runtime.InteropServices.RuntimeInformation.OSDescription;
    }
}
