namespace Qdcnn.Cli;

/// <summary>Process exit codes of <c>qdcnn</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command was valid but failed (bad data file, missing checkpoint, I/O error …).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown option, bad value, missing argument).</summary>
    public const int Usage = 2;
}
