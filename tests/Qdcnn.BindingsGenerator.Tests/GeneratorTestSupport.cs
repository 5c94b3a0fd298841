using Qdcnn.BindingsGenerator;
using Qdcnn.BindingsGenerator.Configuration;
using Qdcnn.BindingsGenerator.Emitting;

namespace Qdcnn.BindingsGenerator.Tests;

/// <summary>Locates the repository and builds configurations for fixture headers.</summary>
internal static class GeneratorTestSupport
{
    public static string RepoRoot { get; } = Generator.FindRepoRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);

    public static GeneratorConfig RealConfig { get; } =
        GeneratorConfig.Load(Path.Combine(RepoRoot, Generator.DefaultConfigPath));

    /// <summary>The real configuration pointed at another header, with fixture prefixes.</summary>
    public static GeneratorConfig FixtureConfig(string headerPath) => RealConfig with
    {
        Header = headerPath,
        IncludeDirectories = [],
        Namespace = "Fixture.Interop",
        ClassName = "FixtureMethods",
        LibraryName = "fixture",
        FunctionPrefix = "fix_",
        TypePrefix = "fix_",
        MacroPrefix = "FIX_",
        IgnoredMacros = ["FIX_API", "FIX_FIXTURE_H"],
    };

    public static string FixturePath => Path.Combine(RepoRoot, "tests/Qdcnn.BindingsGenerator.Tests/Fixtures/fixture.h");

    public static IReadOnlyList<GeneratedFile> GenerateFixture() => Generator.Generate(FixtureConfig(FixturePath), RepoRoot);

    public static string Content(IReadOnlyList<GeneratedFile> files, string name) => files.Single(f => f.FileName == name).Content;

    /// <summary>Generates from header text written to a temporary file.</summary>
    public static IReadOnlyList<GeneratedFile> GenerateFromText(string headerText)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qdcnn-generator-{Guid.NewGuid():N}.h");
        File.WriteAllText(path, headerText);
        try
        {
            return Generator.Generate(FixtureConfig(path), RepoRoot);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
