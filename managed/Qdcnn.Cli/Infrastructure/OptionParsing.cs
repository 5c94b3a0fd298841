using System.CommandLine.Parsing;
using System.Globalization;
using Qdcnn.Models;
using Qdcnn.Training;
using static TorchSharp.torch;

namespace Qdcnn.Cli;

/// <summary>Parses and checks values that System.CommandLine reads as strings.</summary>
internal static class OptionParsing
{
    /// <summary>
    /// <c>CustomParser</c> for an <c>Option&lt;int?&gt;</c>: "--epochs: 'ten' is not a whole number." rather than
    /// System.CommandLine's own message, which names the .NET type (System.Nullable`1[System.Int32]).
    /// </summary>
    public static int? WholeNumber(ArgumentResult result)
    {
        if (SingleToken(result) is not string text) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        result.AddError(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $"{OptionName(result)}: '{text}' is out of range for a whole number."
            : $"{OptionName(result)}: '{text}' is not a whole number.");
        return null;
    }

    /// <summary>
    /// <c>CustomParser</c> for an <c>Option&lt;double?&gt;</c>: "--lr: 'abc' is not a number." (invariant culture:
    /// the decimal separator is always '.').
    /// </summary>
    public static double? Number(ArgumentResult result)
    {
        if (SingleToken(result) is not string text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)) return value;
        result.AddError($"{OptionName(result)}: '{text}' is not a number.");
        return null;
    }

    /// <summary>The option's one value; null when it has none (System.CommandLine reports the missing value itself).</summary>
    private static string? SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : null;

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

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
