using Qdcnn.Text.Data;

namespace Qdcnn.Cli;

/// <summary>Turns an exception into one clear line and an exit code; a stack trace only with --verbose.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, CliContext context, bool verbose)
    {
        var (code, message) = exception switch
        {
            UsageException u => (ExitCodes.Usage, u.Message),
            ArgumentException a => (ExitCodes.Usage, WithoutParameterSuffix(a)),
            DatasetException d => (ExitCodes.Failure, d.Message),
            FileNotFoundException f => (ExitCodes.Failure, f.Message),
            DirectoryNotFoundException d => (ExitCodes.Failure, d.Message),
            InvalidDataException i => (ExitCodes.Failure, i.Message),
            KeyNotFoundException k => (ExitCodes.Failure, k.Message),
            IOException io => (ExitCodes.Failure, io.Message),
            UnauthorizedAccessException u => (ExitCodes.Failure, u.Message),
            _ => (ExitCodes.Failure, $"{exception.GetType().Name}: {exception.Message}"),
        };
        context.Error.WriteLine($"qdcnn: error: {OneLine(message)}");
        if (verbose) context.Error.WriteLine(exception.ToString());
        else if (code == ExitCodes.Failure && exception is not (DatasetException or FileNotFoundException or DirectoryNotFoundException))
            context.Error.WriteLine("(run with --verbose for details)");
        return code;
    }

    /// <summary>The message without .NET's " (Parameter 'x')" suffix.</summary>
    public static string WithoutParameterSuffix(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
