using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Qdcnn.Benchmarks;

/// <summary>
/// Runs the managed benchmarks: <c>dotnet run -c Release --project bench/Qdcnn.Benchmarks -- --filter '*'</c>
/// (any BenchmarkDotNet switch works). Jobs are short and in-process (no child process build), so a run
/// takes about a minute per benchmark class.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
