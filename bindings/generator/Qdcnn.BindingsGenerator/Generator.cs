using System.Text;
using Qdcnn.BindingsGenerator.Configuration;
using Qdcnn.BindingsGenerator.Emitting;
using Qdcnn.BindingsGenerator.Parsing;

namespace Qdcnn.BindingsGenerator;

/// <summary>Parse → emit → write or compare. The pieces the command line and the tests share.</summary>
public static class Generator
{
    /// <summary>The configuration file, relative to the repository root.</summary>
    public const string DefaultConfigPath = "bindings/generator/bindings.config.json";

    /// <summary>Generates the files for a configuration without touching the disk.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(GeneratorConfig config, string repoRoot) =>
        CSharpEmitter.Emit(HeaderParser.Parse(config, repoRoot), config);

    /// <summary>
    /// Writes the files whose content changed (unchanged files keep their timestamps, so nothing
    /// rebuilds needlessly) and deletes *.g.cs files the header no longer produces.
    /// Returns the names written or deleted.
    /// </summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<GeneratedFile> files, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var changed = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(outputDirectory, file.FileName);
            if (!File.Exists(path) || File.ReadAllText(path) != file.Content)
            {
                File.WriteAllText(path, file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                changed.Add(file.FileName);
            }
        }

        foreach (var stale in StaleFiles(files, outputDirectory))
        {
            File.Delete(Path.Combine(outputDirectory, stale));
            changed.Add(stale + " (deleted)");
        }

        return changed;
    }

    /// <summary>Compares generated files with those on disk; returns one line per difference.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<GeneratedFile> files, string outputDirectory)
    {
        var differences = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(outputDirectory, file.FileName);
            if (!File.Exists(path))
            {
                differences.Add($"{file.FileName}: missing");
                continue;
            }

            var onDisk = File.ReadAllText(path);
            if (onDisk != file.Content)
            {
                differences.Add($"{file.FileName}: {DescribeFirstDifference(file.Content, onDisk)}");
            }
        }

        differences.AddRange(StaleFiles(files, outputDirectory).Select(s => $"{s}: no longer generated"));
        return differences;
    }

    private static IEnumerable<string> StaleFiles(IReadOnlyList<GeneratedFile> files, string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory))
        {
            return [];
        }

        var expected = files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        return Directory.GetFiles(outputDirectory, "*.g.cs")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !expected.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string DescribeFirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var changedLines = 0;
        var first = -1;
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e != a)
            {
                changedLines++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        var expectedLine = first < expectedLines.Length ? expectedLines[first] : "<end of file>";
        var actualLine = first < actualLines.Length ? actualLines[first] : "<end of file>";
        return $"differs in {changedLines} line(s); first at line {first + 1}:\n" +
               $"    committed: {actualLine}\n    generated: {expectedLine}";
    }

    /// <summary>Finds the repository root: the nearest folder upwards holding the default configuration.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, DefaultConfigPath)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
