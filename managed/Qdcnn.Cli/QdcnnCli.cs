using System.CommandLine;

namespace Qdcnn.Cli;

/// <summary>The <c>qdcnn</c> command tree, runnable in-process (tests pass their own writers).</summary>
public static class QdcnnCli
{
    /// <summary>Builds the root command for <paramref name="context"/>.</summary>
    public static RootCommand Build(CliContext context)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces on errors.", Recursive = true };
        var root = new RootCommand("qdcnn: train and evaluate (quantum) text classifiers of the MSFF family.");
        root.Add(verbose);
        root.Add(TrainCommand.Create(context, verbose));
        root.Add(EvalCommand.Create(context, verbose));
        root.Add(PredictCommand.Create(context, verbose));
        root.Add(CompareCommand.Create(context, verbose));
        root.Add(AblateCommand.Create(context, verbose));
        root.Add(DataCommand.Create(context, verbose));
        root.Add(ModelsCommand.Create(context));
        root.Add(NoiseCommand.Create(context, verbose));
        root.Add(CircuitCommand.Create(context, verbose));
        root.Add(BenchCommand.Create(context, verbose));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>: 0 ok, 1 runtime failure, 2 usage error.</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = Build(context);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) context.Error.WriteLine($"qdcnn: error: {error.Message}");
            context.Error.WriteLine("Run 'qdcnn --help' (or 'qdcnn <command> --help') for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return result.Invoke(invocation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ErrorReporter.Report(e, context, args.Contains("--verbose"));
        }
    }
}
