using System.Text.RegularExpressions;
using static Qdcnn.BindingsGenerator.Tests.GeneratorTestSupport;

namespace Qdcnn.BindingsGenerator.Tests;

/// <summary>
/// The committed Generated/ files against native/include/qdcnn/qdcnn.h, read independently of
/// libclang by regular expressions over the header text.
/// </summary>
public sealed partial class RealHeaderTests
{
    private static string HeaderText => File.ReadAllText(Path.Combine(RepoRoot, RealConfig.Header));

    private static string Committed(string fileName) =>
        File.ReadAllText(Path.Combine(RepoRoot, RealConfig.OutputDirectory, fileName));

    /// <summary>[NativeName("C_NAME")] followed by "Name = value" (an enum member or a constant).</summary>
    private static Dictionary<string, long> NamedValues(string generated) =>
        NamedValueRegex().Matches(generated).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));

    [Fact]
    public void EveryEnumMemberMatchesTheHeader()
    {
        var header = HeaderText;
        var expected = new Dictionary<string, long>();
        var enums = HeaderEnumRegex().Matches(header);
        Assert.True(enums.Count >= 6, $"expected the header's enums, found {enums.Count}");
        foreach (Match enumeration in enums)
        {
            foreach (Match member in HeaderEnumMemberRegex().Matches(enumeration.Groups[2].Value))
            {
                expected.Add(member.Groups[1].Value, long.Parse(member.Groups[2].Value));
            }
        }

        var generated = NamedValues(Committed("Enums.g.cs"));
        Assert.Equal(expected.OrderBy(p => p.Key), generated.OrderBy(p => p.Key));

        foreach (Match enumeration in enums)
        {
            Assert.Contains($"[NativeName(\"{enumeration.Groups[1].Value}\")]\npublic enum ", Committed("Enums.g.cs"));
        }
    }

    [Fact]
    public void EveryIntegerDefineMatchesTheHeader()
    {
        var expected = HeaderDefineRegex().Matches(HeaderText)
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        Assert.Contains("QDCNN_ABI_VERSION", expected.Keys);
        Assert.Contains("QDCNN_MAX_QUBITS", expected.Keys);
        Assert.Contains("QDCNN_MAX_FUSED_QUBITS", expected.Keys);
        Assert.Equal(expected.OrderBy(p => p.Key), NamedValues(Committed("Constants.g.cs")).OrderBy(p => p.Key));
    }

    [Fact]
    public void EveryExportedFunctionIsBoundOnce()
    {
        var expected = HeaderFunctionRegex().Matches(HeaderText).Select(m => m.Groups[1].Value).Order().ToList();
        Assert.True(expected.Count > 30, $"expected the header's functions, found {expected.Count}");
        var generated = EntryPointRegex().Matches(Committed("NativeMethods.g.cs")).Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(expected, generated);
    }

    [Fact]
    public void NoReturnedOrPassedTextIsMarshalledAsString()
    {
        var methods = Committed("NativeMethods.g.cs");
        Assert.Contains("qdcnn_error_message([NativeTypeName(\"const char **\")] byte** message);", methods);
        Assert.DoesNotMatch(@"partial string |\bstring \w+[,)]", methods);
    }

    [Fact]
    public void CommittedFilesAreFreshAndGenerationIsDeterministic()
    {
        var first = Generator.Generate(RealConfig, RepoRoot);
        var second = Generator.Generate(RealConfig, RepoRoot);
        Assert.Equal(first.Select(f => f.Content), second.Select(f => f.Content));
        var differences = Generator.Compare(first, Path.Combine(RepoRoot, RealConfig.OutputDirectory));
        Assert.True(differences.Count == 0,
            "Generated/ is stale; run dotnet run --project bindings/generator/Qdcnn.BindingsGenerator:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void CompareReportsEditedMissingAndStaleFiles()
    {
        var files = Generator.Generate(RealConfig, RepoRoot);
        var directory = Directory.CreateTempSubdirectory("qdcnn-bindings-check-").FullName;
        try
        {
            Generator.Write(files, directory);
            Assert.Empty(Generator.Compare(files, directory));

            File.AppendAllText(Path.Combine(directory, "Enums.g.cs"), "// hand edit\n");
            File.Delete(Path.Combine(directory, "Constants.g.cs"));
            File.WriteAllText(Path.Combine(directory, "Old.g.cs"), "");
            var differences = Generator.Compare(files, directory);
            Assert.Contains(differences, d => d.StartsWith("Enums.g.cs: differs in "));
            Assert.Contains("Constants.g.cs: missing", differences);
            Assert.Contains("Old.g.cs: no longer generated", differences);

            Generator.Write(files, directory);
            Assert.Empty(Generator.Compare(files, directory));
            Assert.False(File.Exists(Path.Combine(directory, "Old.g.cs")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"\[NativeName\(""(\w+)""\)\]\n\s+(?:public const (?:int|long) )?\w+ = (-?\d+)[,;]")]
    private static partial Regex NamedValueRegex();

    [GeneratedRegex(@"typedef enum (\w+) \{(.*?)\} \1;", RegexOptions.Singleline)]
    private static partial Regex HeaderEnumRegex();

    [GeneratedRegex(@"\b(QDCNN_\w+)\s*=\s*(-?\d+)")]
    private static partial Regex HeaderEnumMemberRegex();

    [GeneratedRegex(@"^#define (QDCNN_\w+) (-?\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex HeaderDefineRegex();

    [GeneratedRegex(@"QDCNN_API\s+qdcnn_status\s+(qdcnn_\w+)\s*\(")]
    private static partial Regex HeaderFunctionRegex();

    [GeneratedRegex(@"EntryPoint = ""(\w+)""")]
    private static partial Regex EntryPointRegex();
}
