using System.Text.Json;

namespace Qdcnn.BindingsGenerator.Configuration;

/// <summary>
/// The checked-in configuration (bindings/generator/bindings.config.json). Paths are relative to
/// the repository root unless absolute.
/// </summary>
public sealed record GeneratorConfig
{
    /// <summary>The C header to bind, e.g. native/include/qdcnn/qdcnn.h.</summary>
    public required string Header { get; init; }

    /// <summary>Directories passed to clang as -I.</summary>
    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    /// <summary>Extra clang arguments (language and standard).</summary>
    public IReadOnlyList<string> ClangArguments { get; init; } = ["-x", "c", "-std=c11"];

    /// <summary>libclang shared libraries to try, in order. QDCNN_LIBCLANG, when set, is tried first.</summary>
    public IReadOnlyList<string> LibclangCandidates { get; init; } = [];

    /// <summary>
    /// clang's builtin headers (stddef.h ...), passed as -isystem; may contain one '*' in a
    /// directory name (the lexically last match is used). Null to rely on libclang's own.
    /// </summary>
    public string? BuiltinIncludeDirectory { get; init; }

    /// <summary>The name in [LibraryImport("...")].</summary>
    public required string LibraryName { get; init; }

    /// <summary>Namespace of every generated type.</summary>
    public required string Namespace { get; init; }

    /// <summary>The static partial class holding functions and constants.</summary>
    public required string ClassName { get; init; }

    /// <summary>Where the .g.cs files go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Only functions whose names start with this are bound.</summary>
    public required string FunctionPrefix { get; init; }

    /// <summary>C type names that start with this become PascalCase C# names (qdcnn_status → QdcnnStatus).</summary>
    public required string TypePrefix { get; init; }

    /// <summary>Object-like macros with this prefix must be integer constants unless ignored.</summary>
    public required string MacroPrefix { get; init; }

    /// <summary>Macros with the prefix that are not constants (export attribute, include guard).</summary>
    public IReadOnlyList<string> IgnoredMacros { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a configuration file; a missing required field is an error naming the file.</summary>
    public static GeneratorConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GenerationException($"Configuration file not found: {path}");
        }

        try
        {
            return JsonSerializer.Deserialize<GeneratorConfig>(File.ReadAllText(path), JsonOptions)
                   ?? throw new GenerationException($"{path}: the configuration is empty");
        }
        catch (JsonException e)
        {
            throw new GenerationException($"{path}: {e.Message}");
        }
    }
}
