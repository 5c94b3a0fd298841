using System.CommandLine;
using Qdcnn.Models;

namespace Qdcnn.Cli;

/// <summary><c>qdcnn models</c>: lists the model catalog.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("models", "List the models that train/compare accept.");
        command.SetAction(_ =>
        {
            int width = ModelCatalog.Entries.Max(e => e.Name.Length);
            foreach (var e in ModelCatalog.Entries)
                context.Output.WriteLine($"{e.Name.PadRight(width)}  {(e.IsQuantum ? "quantum  " : "classical")}  {e.Description}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
