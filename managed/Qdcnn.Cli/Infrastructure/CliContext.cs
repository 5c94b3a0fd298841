namespace Qdcnn.Cli;

/// <summary>Where a command writes and reads, and whether a terminal is attached (progress bars) or not (plain lines).</summary>
/// <param name="Output">Results.</param>
/// <param name="Error">Error messages.</param>
/// <param name="Input">Standard input (predict reads sentences from it).</param>
/// <param name="Interactive">Output is a terminal: show Spectre.Console progress bars.</param>
public sealed record CliContext(TextWriter Output, TextWriter Error, TextReader Input, bool Interactive);
