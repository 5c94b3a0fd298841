using Qdcnn.BindingsGenerator;
using Qdcnn.BindingsGenerator.Configuration;

// Usage: Qdcnn.BindingsGenerator [--check] [--config PATH] [--repo-root DIR]
//   (no flag)  regenerate bindings/Qdcnn.Interop/Generated/*.g.cs
//   --check    regenerate in memory and exit 1 with a summary if the committed files differ
const string usage = "usage: Qdcnn.BindingsGenerator [--check] [--config PATH] [--repo-root DIR]";

var check = false;
string? configPath = null;
string? repoRoot = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check": check = true; break;
        case "--config" when i + 1 < args.Length: configPath = args[++i]; break;
        case "--repo-root" when i + 1 < args.Length: repoRoot = args[++i]; break;
        case "-h" or "--help": Console.WriteLine(usage); return 0;
        default:
            Console.Error.WriteLine($"error: unknown argument '{args[i]}'\n{usage}");
            return 2;
    }
}

try
{
    repoRoot ??= Generator.FindRepoRoot(Environment.CurrentDirectory) ?? Generator.FindRepoRoot(AppContext.BaseDirectory)
        ?? throw new GenerationException(
            $"Cannot find the repository root (a folder holding {Generator.DefaultConfigPath}); pass --repo-root.");
    configPath ??= Path.Combine(repoRoot, Generator.DefaultConfigPath);

    var config = GeneratorConfig.Load(configPath);
    var files = Generator.Generate(config, repoRoot);
    var outputDirectory = Path.Combine(repoRoot, config.OutputDirectory);

    if (check)
    {
        var differences = Generator.Compare(files, outputDirectory);
        if (differences.Count == 0)
        {
            Console.WriteLine($"bindings are up to date ({files.Count} files in {config.OutputDirectory})");
            return 0;
        }

        Console.Error.WriteLine($"error: {config.OutputDirectory} is out of date with {config.Header}:");
        foreach (var difference in differences)
        {
            Console.Error.WriteLine("  " + difference);
        }

        Console.Error.WriteLine("Regenerate with: dotnet run --project bindings/generator/Qdcnn.BindingsGenerator");
        return 1;
    }

    var changed = Generator.Write(files, outputDirectory);
    Console.WriteLine(changed.Count == 0
        ? $"bindings unchanged ({files.Count} files in {config.OutputDirectory})"
        : $"wrote {config.OutputDirectory}: {string.Join(", ", changed)}");
    return 0;
}
catch (GenerationException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
