namespace Qdcnn.Training;

/// <summary>Mean and sample standard deviation (n − 1; 0 for a single value).</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Sample standard deviation.</param>
/// <param name="Count">Number of values.</param>
public sealed record MeanStd(double Mean, double Std, int Count)
{
    /// <summary>Summarises <paramref name="values"/> (at least one).</summary>
    public static MeanStd Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("No values to summarise.", nameof(values));
        double mean = values.Average();
        double std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MeanStd(mean, std, values.Count);
    }

    /// <summary>As a percentage: <c>93.33 ± 1.20 %</c>.</summary>
    public string ToPercentString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100 * Mean:F2} ± {100 * Std:F2} %");
}
