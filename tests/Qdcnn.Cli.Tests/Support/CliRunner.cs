using Qdcnn.Cli;

namespace Qdcnn.Cli.Tests;

/// <summary>Runs <c>qdcnn</c> in-process with captured output (not a terminal: plain lines).</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args) => RunWithInput("", args);

    public static Result RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = QdcnnCli.Run(args, new CliContext(output, error, new StringReader(stdin), Interactive: false));
        return new Result(code, output.ToString(), error.ToString());
    }
}
