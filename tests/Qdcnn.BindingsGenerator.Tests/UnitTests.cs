using Qdcnn.BindingsGenerator.Emitting;
using Qdcnn.BindingsGenerator.Parsing;

namespace Qdcnn.BindingsGenerator.Tests;

/// <summary>The pieces of the generator that need no libclang.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("qdcnn_status", "QdcnnStatus")]
    [InlineData("qdcnn_angle_source", "QdcnnAngleSource")]
    [InlineData("ERROR_NULL_POINTER", "ErrorNullPointer")]
    [InlineData("AVX512", "Avx512")]
    [InlineData("UNITARY1", "Unitary1")]
    public void PascalCase(string input, string expected) => Assert.Equal(expected, Naming.ToPascalCase(input));

    [Fact]
    public void CommonPrefixStopsAtUnderscoreAndLeavesEveryNameNonEmpty()
    {
        Assert.Equal("QDCNN_GATE_", Naming.CommonUnderscorePrefix(["QDCNN_GATE_H", "QDCNN_GATE_CNOT", "QDCNN_GATE_CZ"]));
        Assert.Equal("QDCNN_", Naming.CommonUnderscorePrefix(["QDCNN_OK", "QDCNN_ERROR_PARSE"]));
        Assert.Equal("QDCNN_", Naming.CommonUnderscorePrefix(["QDCNN_ONLY"]));
        Assert.Equal("FIX_", Naming.CommonUnderscorePrefix(["FIX_A", "FIX_A_B"]));
    }

    [Fact]
    public void KeywordsAreEscaped()
    {
        Assert.Equal("@params", Naming.EscapeIdentifier("params"));
        Assert.Equal("@out", Naming.EscapeIdentifier("out"));
        Assert.Equal("n_qubits", Naming.EscapeIdentifier("n_qubits"));
    }

    [Theory]
    [InlineData("30", 30L)]
    [InlineData("0x1F", 31L)]
    [InlineData("010", 8L)]
    [InlineData("( - 4 )", -4L)]
    [InlineData("7u", 7L)]
    public void IntegerMacroBodies(string tokens, long expected)
    {
        Assert.True(HeaderParser.TryParseIntegerConstant(Split(tokens), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("1 + 2")]
    [InlineData("__attribute__ ( ( x ) )")]
    public void NonIntegerMacroBodies(string tokens) => Assert.False(HeaderParser.TryParseIntegerConstant(Split(tokens), out _));

    private static string[] Split(string tokens) => tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void DoxygenCommentsGiveSummaryAndParameters()
    {
        var doc = DocCommentParser.Parse("""
            /**
             * @brief Appends a gate.
             * @param qubits   distinct indices
             *                 (control first).
             * @param sources  one per angle.
             *
             * Angle arrays may be NULL; see ::qdcnn_gate.
             */
            """);
        Assert.Equal(["Appends a gate.", "", "Angle arrays may be NULL; see qdcnn_gate."], doc.SummaryLines);
        Assert.Equal([("qubits", "distinct indices (control first)."), ("sources", "one per angle.")], doc.Parameters);
        Assert.Equal(["identity [1 qubit, 0 angles]"], DocCommentParser.Parse("/**< identity [1 qubit, 0 angles] */").SummaryLines);
        Assert.True(DocCommentParser.Parse(null).IsEmpty);
    }

    [Fact]
    public void BuiltinIncludePatternResolvesOrNamesThePattern()
    {
        var e = Assert.Throws<GenerationException>(() => HeaderParser.ResolveBuiltinIncludeDirectory("/nonexistent/clang/14*/include"));
        Assert.Contains("/nonexistent/clang/14*/include", e.Message);
        var root = Directory.CreateTempSubdirectory("qdcnn-builtin-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "14.0.5", "include"));
            Directory.CreateDirectory(Path.Combine(root, "14.0.6", "include"));
            Assert.Equal(Path.Combine(root, "14.0.6", "include"), HeaderParser.ResolveBuiltinIncludeDirectory(root + "/14*/include"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
