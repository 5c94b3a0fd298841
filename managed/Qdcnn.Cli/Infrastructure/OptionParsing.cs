using System.Globalization;
using Qdcnn.Models;
using Qdcnn.Training;
using static TorchSharp.torch;

namespace Qdcnn.Cli;

/// <summary>Parses and checks values that System.CommandLine reads as strings.</summary>
internal static class OptionParsing
{
    /// <summary>
    /// <c>--seeds</c>: a single integer N means N runs with seeds 1…N; a comma-separated list names the seeds.
    /// </summary>
    public static IReadOnlyList<long> Seeds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [1];
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                throw new UsageException($"--seeds: '{part}' is not an integer (use a count such as 3, or a list such as 1,2,3).");
            values.Add(value);
        }
        if (values.Count == 0)
            throw new UsageException("--seeds: no value given.");
        if (values.Count == 1 && !text.Contains(','))
        {
            if (values[0] is < 1 or > 1000) throw new UsageException($"--seeds: a count must lie in 1…1000; got {values[0]}.");
            return Enumerable.Range(1, (int)values[0]).Select(i => (long)i).ToList();
        }
        if (values.Distinct().Count() != values.Count) throw new UsageException($"--seeds: '{text}' repeats a seed.");
        return values;
    }

    /// <summary><c>--dtype</c>: float64 or float32.</summary>
    public static ScalarType Dtype(string? text) => text?.ToLowerInvariant() switch
    {
        null or "float64" or "double" => ScalarType.Float64,
        "float32" or "float" => ScalarType.Float32,
        _ => throw new UsageException($"--dtype: '{text}' is not float64 or float32."),
    };

    /// <summary><c>--preset</c>: mc (default) or rp.</summary>
    public static TrainingPreset Preset(string? text)
    {
        if (text is null) return TrainingPreset.Mc;
        try
        {
            return TrainingPreset.Named(text);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--preset: '{text}' is not one of {string.Join(", ", TrainingPreset.Names)}.");
        }
    }

    /// <summary><c>--model</c>: a catalog name (the message lists them).</summary>
    public static string Model(string? text, string option = "--model")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException($"{option} is required; known models: {string.Join(", ", ModelFactory.Names)}.");
        try
        {
            return ModelFactory.Find(text).Name;
        }
        catch (ArgumentException)
        {
            throw new UsageException($"{option}: unknown model '{text}'; known models: {string.Join(", ", ModelFactory.Names)}.");
        }
    }

    /// <summary><c>--models a,b,c</c>.</summary>
    public static IReadOnlyList<string> Models(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException($"--models is required; known models: {string.Join(", ", ModelFactory.Names)}.");
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => Model(n, "--models")).ToList();
        if (names.Distinct().Count() != names.Count) throw new UsageException($"--models: '{text}' repeats a model.");
        return names;
    }
}
