using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qdcnn.Training.Benchmarks;

/// <summary>The JSON written by <c>qdcnn bench</c>: what ran, where, and every measured row.</summary>
/// <param name="Benchmark">train, layer or circuit.</param>
/// <param name="Command">The command line that produced it.</param>
/// <param name="Machine">CPU, CPU count, load average and time.</param>
/// <param name="Results">The rows (<see cref="TrainingBenchmarkResult"/>, <see cref="LayerBenchmarkResult"/> or <see cref="CircuitBenchmarkResult"/>).</param>
public sealed record BenchmarkReport<T>(string Benchmark, string Command, MachineInfo Machine, IReadOnlyList<T> Results)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
