namespace Qdcnn.Cli;

/// <summary>Runs a command body and turns any exception into one error line and an exit code.</summary>
internal static class CommandRunner
{
    public static int Run(CliContext context, bool verbose, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ErrorReporter.Report(e, context, verbose);
        }
    }
}
