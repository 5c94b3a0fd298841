namespace Qdcnn.Cli;

/// <summary>A command-line value is invalid; reported as one line and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
