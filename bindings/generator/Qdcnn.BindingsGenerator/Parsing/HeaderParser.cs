using System.Globalization;
using System.Runtime.InteropServices;
using Qdcnn.BindingsGenerator.Clang;
using Qdcnn.BindingsGenerator.Configuration;
using Qdcnn.BindingsGenerator.Emitting;
using Qdcnn.BindingsGenerator.Model;

namespace Qdcnn.BindingsGenerator.Parsing;

/// <summary>
/// Parses one header with libclang and extracts constants, enums, opaque structs and functions
/// declared in it (not in the headers it includes). Any libclang error diagnostic, any construct
/// it cannot bind, fails with a <see cref="GenerationException"/> naming the line.
/// </summary>
public static unsafe class HeaderParser
{
    /// <summary>Parses the configured header; <paramref name="repoRoot"/> anchors relative paths.</summary>
    public static HeaderModel Parse(GeneratorConfig config, string repoRoot)
    {
        LibClangLoader.EnsureLoaded(LibclangCandidates(config));

        var headerPath = Path.GetFullPath(Path.Combine(repoRoot, config.Header));
        if (!File.Exists(headerPath))
        {
            throw new GenerationException($"Header not found: {headerPath}");
        }

        var arguments = BuildArguments(config, repoRoot);
        var index = LibClang.clang_createIndex(0, 0);
        try
        {
            var translationUnit = ParseTranslationUnit(index, headerPath, arguments);
            try
            {
                ThrowOnErrorDiagnostics(translationUnit, headerPath);
                var displayPath = config.Header.Replace('\\', '/');
                var comments = new HeaderComments(File.ReadAllText(headerPath));
                return new Extractor(config, translationUnit, displayPath, comments).Extract();
            }
            finally
            {
                LibClang.clang_disposeTranslationUnit(translationUnit);
            }
        }
        finally
        {
            LibClang.clang_disposeIndex(index);
        }
    }

    private static IReadOnlyList<string> LibclangCandidates(GeneratorConfig config)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QDCNN_LIBCLANG");
        return string.IsNullOrEmpty(fromEnvironment)
            ? config.LibclangCandidates
            : [fromEnvironment, .. config.LibclangCandidates];
    }

    private static List<string> BuildArguments(GeneratorConfig config, string repoRoot)
    {
        var arguments = new List<string>(config.ClangArguments);
        if (config.BuiltinIncludeDirectory is { } builtin)
        {
            arguments.Add("-isystem");
            arguments.Add(ResolveBuiltinIncludeDirectory(builtin));
        }

        foreach (var include in config.IncludeDirectories)
        {
            arguments.Add("-I" + Path.GetFullPath(Path.Combine(repoRoot, include)));
        }

        return arguments;
    }

    /// <summary>Expands one '*' in a directory name (clang/14*/include) to the lexically last match.</summary>
    internal static string ResolveBuiltinIncludeDirectory(string pattern)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return Directory.Exists(pattern)
                ? pattern
                : throw new GenerationException($"clang builtin include directory not found: {pattern}");
        }

        var parentEnd = pattern.LastIndexOf('/', star);
        var nextSlash = pattern.IndexOf('/', star);
        var parent = pattern[..parentEnd];
        var namePattern = nextSlash < 0 ? pattern[(parentEnd + 1)..] : pattern[(parentEnd + 1)..nextSlash];
        var rest = nextSlash < 0 ? string.Empty : pattern[nextSlash..];
        var match = Directory.Exists(parent)
            ? Directory.GetDirectories(parent, namePattern)
                .Select(d => d + rest)
                .Where(Directory.Exists)
                .Order(StringComparer.Ordinal)
                .LastOrDefault()
            : null;
        return match ?? throw new GenerationException(
            $"clang builtin include directory not found: {pattern} (install libclang-common-14-dev or fix bindings.config.json)");
    }

    private static nint ParseTranslationUnit(nint index, string headerPath, List<string> arguments)
    {
        var allocations = new List<nint>();
        try
        {
            nint Utf8(string s)
            {
                var p = Marshal.StringToCoTaskMemUTF8(s);
                allocations.Add(p);
                return p;
            }

            var argv = stackalloc byte*[arguments.Count];
            for (var i = 0; i < arguments.Count; i++)
            {
                argv[i] = (byte*)Utf8(arguments[i]);
            }

            nint translationUnit;
            var error = LibClang.clang_parseTranslationUnit2(index, (byte*)Utf8(headerPath), argv, arguments.Count,
                null, 0, LibClang.TranslationUnitDetailedPreprocessingRecord | LibClang.TranslationUnitSkipFunctionBodies,
                &translationUnit);
            if (error != 0 || translationUnit == 0)
            {
                throw new GenerationException(
                    $"libclang could not parse {headerPath} (CXErrorCode {error}); arguments: {string.Join(' ', arguments)}");
            }

            return translationUnit;
        }
        finally
        {
            allocations.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    private static void ThrowOnErrorDiagnostics(nint translationUnit, string headerPath)
    {
        var errors = new List<string>();
        var count = LibClang.clang_getNumDiagnostics(translationUnit);
        for (uint i = 0; i < count; i++)
        {
            var diagnostic = LibClang.clang_getDiagnostic(translationUnit, i);
            try
            {
                if (LibClang.clang_getDiagnosticSeverity(diagnostic) >= CXDiagnosticSeverity.Error)
                {
                    errors.Add(ClangInterop.TakeString(LibClang.clang_formatDiagnostic(diagnostic,
                        LibClang.DiagnosticDisplaySourceLocation | LibClang.DiagnosticDisplayColumn)));
                }
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(diagnostic);
            }
        }

        if (errors.Count > 0)
        {
            throw new GenerationException(
                $"libclang reported {errors.Count} error(s) in {headerPath}; bindings would be wrong:\n  " +
                string.Join("\n  ", errors));
        }
    }

    /// <summary>Walks the translation unit once; collects declarations in source order.</summary>
    private sealed class Extractor(GeneratorConfig config, nint translationUnit, string displayPath, HeaderComments comments)
    {
        private readonly TypeMapper _types = new();
        private readonly List<ConstantModel> _constants = [];
        private readonly List<EnumModel> _enums = [];
        private readonly List<OpaqueTypeModel> _opaqueTypes = [];
        private readonly List<FunctionModel> _functions = [];

        public HeaderModel Extract()
        {
            var root = LibClang.clang_getTranslationUnitCursor(translationUnit);
            foreach (var cursor in root.Children())
            {
                if (!cursor.IsFromMainFile())
                {
                    continue;
                }

                switch (cursor.Kind)
                {
                    case CXCursorKind.MacroDefinition: AddMacro(cursor); break;
                    case CXCursorKind.EnumDecl: AddEnum(cursor); break;
                    case CXCursorKind.StructDecl: CheckStruct(cursor); break;
                    case CXCursorKind.UnionDecl: throw Error(cursor, "unions cannot be bound");
                    case CXCursorKind.TypedefDecl: AddTypedef(cursor); break;
                    case CXCursorKind.FunctionDecl: AddFunction(cursor); break;
                    case CXCursorKind.VarDecl: throw Error(cursor, "global variables cannot be bound");
                }
            }

            return new HeaderModel(displayPath, _constants, _enums, _opaqueTypes, _functions);
        }

        private void AddMacro(CXCursor cursor)
        {
            var name = cursor.Spelling();
            if (!name.StartsWith(config.MacroPrefix, StringComparison.Ordinal) || config.IgnoredMacros.Contains(name))
            {
                return;
            }

            if (LibClang.clang_Cursor_isMacroFunctionLike(cursor) != 0)
            {
                throw Error(cursor, $"macro {name} is function-like; add it to ignoredMacros or make it a constant");
            }

            var body = ClangInterop.Tokens(translationUnit, cursor).Skip(1).ToList();
            if (!TryParseIntegerConstant(body, out var value))
            {
                throw Error(cursor,
                    $"macro {name} is not an integer constant ('{string.Join(' ', body)}'); add it to ignoredMacros or bind it by hand");
            }

            _constants.Add(new ConstantModel(name, Naming.ToPascalCase(name[config.MacroPrefix.Length..]), value, Doc(cursor)));
        }

        private void AddEnum(CXCursor cursor)
        {
            var name = cursor.Spelling();
            if (string.IsNullOrEmpty(name) || name.StartsWith("enum (", StringComparison.Ordinal))
            {
                throw Error(cursor, "anonymous enums cannot be bound; give the enum a tag");
            }

            var constants = cursor.Children().Where(c => c.Kind == CXCursorKind.EnumConstantDecl).ToList();
            var names = constants.Select(c => c.Spelling()).ToList();
            var prefix = Naming.CommonUnderscorePrefix(names);
            var members = new List<EnumMemberModel>();
            foreach (var constant in constants)
            {
                var cName = constant.Spelling();
                var value = LibClang.clang_getEnumConstantDeclValue(constant);
                if (value is < int.MinValue or > int.MaxValue)
                {
                    throw Error(constant, $"{cName} = {value} does not fit the int32 the C ABI uses for enums");
                }

                var csharpName = Naming.ToPascalCase(cName[prefix.Length..]);
                if (csharpName.Length == 0 || !char.IsLetter(csharpName[0]))
                {
                    throw Error(constant, $"{cName} gives no valid C# name after removing the prefix '{prefix}'");
                }

                members.Add(new EnumMemberModel(cName, csharpName, value, Doc(constant)));
            }

            var enumName = CSharpTypeName(name);
            _types.Register(name, enumName);
            _enums.Add(new EnumModel(name, enumName, members, Doc(cursor)));
        }

        private void CheckStruct(CXCursor cursor)
        {
            if (LibClang.clang_isCursorDefinition(cursor) != 0)
            {
                throw Error(cursor, $"struct {cursor.Spelling()} has a definition; only opaque structs can be bound");
            }
        }

        private void AddTypedef(CXCursor cursor)
        {
            var name = cursor.Spelling();
            var underlying = LibClang.clang_getTypedefDeclUnderlyingType(cursor).Unelaborated();
            var declaration = LibClang.clang_getTypeDeclaration(underlying);
            var tag = declaration.Spelling();
            switch (underlying.Kind)
            {
                case CXTypeKind.Enum when _types.IsRegistered(tag):
                    // typedef enum x { ... } x; — the enum is already bound under the tag's name.
                    if (tag != name)
                    {
                        throw Error(cursor, $"typedef {name} renames enum {tag}; use the same name for both");
                    }

                    break;

                case CXTypeKind.Record when LibClang.clang_isCursorDefinition(declaration) == 0:
                    var csharpName = CSharpTypeName(name);
                    _types.Register(name, csharpName);
                    if (tag != name)
                    {
                        _types.Register(tag, csharpName);
                    }

                    _opaqueTypes.Add(new OpaqueTypeModel(name, csharpName, Doc(cursor)));
                    break;

                default:
                    throw Error(cursor, $"typedef {name} ('{underlying.Spelling()}') is neither an enum nor an opaque struct");
            }
        }

        private void AddFunction(CXCursor cursor)
        {
            var name = cursor.Spelling();
            if (!name.StartsWith(config.FunctionPrefix, StringComparison.Ordinal))
            {
                throw Error(cursor, $"function {name} does not start with '{config.FunctionPrefix}'");
            }

            if (LibClang.clang_Cursor_isVariadic(cursor) != 0)
            {
                throw Error(cursor, $"function {name} is variadic");
            }

            var where = $"{displayPath}:{cursor.Line()}: {name}";
            var returnType = _types.Map(LibClang.clang_getCursorResultType(cursor), where + " (return type)", isReturn: true);
            var parameters = new List<ParameterModel>();
            var count = LibClang.clang_Cursor_getNumArguments(cursor);
            for (uint i = 0; i < count; i++)
            {
                var argument = LibClang.clang_Cursor_getArgument(cursor, i);
                var cName = argument.Spelling();
                if (string.IsNullOrEmpty(cName))
                {
                    throw Error(cursor, $"parameter {i} of {name} has no name");
                }

                var type = _types.Map(LibClang.clang_getCursorType(argument), $"{where} parameter {cName}", isReturn: false);
                parameters.Add(new ParameterModel(cName, Naming.EscapeIdentifier(cName), type));
            }

            _functions.Add(new FunctionModel(name, returnType, parameters, Doc(cursor)));
        }

        private string CSharpTypeName(string cName) =>
            cName.StartsWith(config.TypePrefix, StringComparison.Ordinal) || config.TypePrefix.Length == 0
                ? Naming.ToPascalCase(cName)
                : throw new GenerationException($"{displayPath}: type {cName} does not start with '{config.TypePrefix}'");

        private DocComment Doc(CXCursor cursor)
        {
            var (first, _) = cursor.Lines();
            return DocCommentParser.Parse(comments.For(first, cursor.Line()));
        }

        private GenerationException Error(CXCursor cursor, string message) => new($"{displayPath}:{cursor.Line()}: {message}");
    }

    /// <summary>Accepts a single integer literal, optionally negated or parenthesised (C suffixes allowed).</summary>
    internal static bool TryParseIntegerConstant(IReadOnlyList<string> tokens, out long value)
    {
        value = 0;
        var list = tokens.ToList();
        while (list.Count >= 2 && list[0] == "(" && list[^1] == ")")
        {
            list = list[1..^1];
        }

        var negative = false;
        if (list.Count == 2 && list[0] == "-")
        {
            negative = true;
            list = list[1..];
        }

        if (list.Count != 1)
        {
            return false;
        }

        var literal = list[0].TrimEnd('u', 'U', 'l', 'L');
        bool parsed;
        if (literal.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            parsed = long.TryParse(literal[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (literal.Length > 1 && literal[0] == '0' && literal.All(c => c is >= '0' and <= '7'))
        {
            value = Convert.ToInt64(literal, 8);
            parsed = true;
        }
        else
        {
            parsed = literal.Length > 0 && literal.All(char.IsAsciiDigit)
                && long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (parsed && negative)
        {
            value = -value;
        }

        return parsed;
    }
}
