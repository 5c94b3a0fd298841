using static Qdcnn.BindingsGenerator.Tests.GeneratorTestSupport;

namespace Qdcnn.BindingsGenerator.Tests;

/// <summary>Anything the generator cannot bind faithfully is an error naming the line, never a guess.</summary>
public sealed class FailureTests
{
    private const string Prelude = "#include <stddef.h>\n#include <stdint.h>\n";

    [Fact]
    public void LibclangErrorDiagnosticFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(Prelude + "int fix_f(undeclared_t x);\n"));
        Assert.Contains("error", e.Message);
        Assert.Contains("undeclared_t", e.Message);
    }

    [Fact]
    public void MissingIncludeFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText("#include <no_such_header_qdcnn.h>\n"));
        Assert.Contains("no_such_header_qdcnn.h", e.Message);
    }

    [Fact]
    public void PlatformDependentLongFailsNamingFunctionAndParameter()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(Prelude + "\n\nvoid fix_f(long value);\n"));
        Assert.Contains(":5: fix_f parameter value", e.Message);
        Assert.Contains("long", e.Message);
    }

    [Fact]
    public void UnknownTypedefFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(Prelude + "typedef double fix_real;\nvoid fix_f(fix_real x);\n"));
        Assert.Contains("fix_real", e.Message);
    }

    [Fact]
    public void StructWithDefinitionFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(Prelude + "struct fix_point { int x; };\n"));
        Assert.Contains("fix_point", e.Message);
    }

    [Fact]
    public void OpaqueStructByValueFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(
            Prelude + "typedef struct fix_widget fix_widget;\nvoid fix_f(fix_widget* a, fix_widget b);\n"));
        Assert.Contains("parameter b", e.Message);
    }

    [Fact]
    public void NonIntegerMacroWithPrefixFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(Prelude + "#define FIX_SCALE 1.5\n"));
        Assert.Contains("FIX_SCALE", e.Message);
    }

    [Fact]
    public void FunctionWithoutPrefixFails()
    {
        var e = Assert.Throws<GenerationException>(() => GenerateFromText(Prelude + "void other_f(int32_t x);\n"));
        Assert.Contains("other_f", e.Message);
    }

    [Fact]
    public void MissingHeaderFails()
    {
        var config = FixtureConfig("/nonexistent/qdcnn/missing.h");
        var e = Assert.Throws<GenerationException>(() => Generator.Generate(config, RepoRoot));
        Assert.Contains("missing.h", e.Message);
    }
}
