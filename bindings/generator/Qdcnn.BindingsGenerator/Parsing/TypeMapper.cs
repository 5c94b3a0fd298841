using Qdcnn.BindingsGenerator.Clang;
using Qdcnn.BindingsGenerator.Model;

namespace Qdcnn.BindingsGenerator.Parsing;

/// <summary>
/// Maps a C type to a blittable C# type. Typedef names are looked at before canonical types, so
/// <c>int64_t</c> is <c>long</c> and <c>size_t</c> is <c>nuint</c> whatever they expand to. Any type
/// not listed here is an error: guessing is how bindings silently go wrong.
/// </summary>
internal sealed class TypeMapper
{
    private static readonly Dictionary<string, string> FixedWidthTypedefs = new(StringComparer.Ordinal)
    {
        ["int8_t"] = "sbyte",
        ["uint8_t"] = "byte",
        ["int16_t"] = "short",
        ["uint16_t"] = "ushort",
        ["int32_t"] = "int",
        ["uint32_t"] = "uint",
        ["int64_t"] = "long",
        ["uint64_t"] = "ulong",
        ["size_t"] = "nuint",
        ["ptrdiff_t"] = "nint",
        ["intptr_t"] = "nint",
        ["uintptr_t"] = "nuint",
    };

    private readonly Dictionary<string, string> _namedTypes = new(StringComparer.Ordinal);

    /// <summary>Registers a C enum or struct name (tagged or typedef'd) and its C# name.</summary>
    public void Register(string cName, string csharpName) => _namedTypes[cName] = csharpName;

    public bool IsRegistered(string cName) => _namedTypes.ContainsKey(cName);

    /// <summary>Maps a parameter or return type; <paramref name="where"/> names it in errors.</summary>
    public MappedType Map(CXType type, string where, bool isReturn)
    {
        var spelling = type.Spelling();
        var csharp = MapCore(type, where, behindPointer: false, isReturn);
        return new MappedType(spelling, csharp);
    }

    private string MapCore(CXType type, string where, bool behindPointer, bool isReturn)
    {
        type = type.Unelaborated();
        switch (type.Kind)
        {
            case CXTypeKind.Pointer:
                var pointee = LibClang.clang_getPointeeType(type);
                if (pointee.Unelaborated().Kind == CXTypeKind.FunctionProto)
                {
                    throw Unknown(type, where, "function pointers are not supported");
                }

                return MapCore(pointee, where, behindPointer: true, isReturn: false) + "*";

            case CXTypeKind.Typedef:
                var typedefName = DeclarationName(type);
                if (FixedWidthTypedefs.TryGetValue(typedefName, out var fixedWidth))
                {
                    return fixedWidth;
                }

                if (_namedTypes.TryGetValue(typedefName, out var named))
                {
                    return RequireBehindPointerIfOpaque(named, type, where, behindPointer);
                }

                throw Unknown(type, where, $"typedef '{typedefName}' has no mapping");

            case CXTypeKind.Enum:
            case CXTypeKind.Record:
                var tagName = DeclarationName(type);
                if (_namedTypes.TryGetValue(tagName, out var tagged))
                {
                    return RequireBehindPointerIfOpaque(tagged, type, where, behindPointer);
                }

                throw Unknown(type, where, $"'{tagName}' is not a bound enum or opaque struct");

            case CXTypeKind.Void:
                if (behindPointer || isReturn)
                {
                    return "void";
                }

                throw Unknown(type, where, "void parameter");

            case CXTypeKind.CharS:
            case CXTypeKind.CharU:
                // Text crosses as bytes (UTF-8); never as string, whose marshaller would free library memory.
                if (behindPointer)
                {
                    return "byte";
                }

                throw Unknown(type, where, "char by value");

            case CXTypeKind.SChar: return "sbyte";
            case CXTypeKind.UChar: return "byte";
            case CXTypeKind.Short: return "short";
            case CXTypeKind.UShort: return "ushort";
            case CXTypeKind.Int: return "int";
            case CXTypeKind.UInt: return "uint";
            case CXTypeKind.LongLong: return "long";
            case CXTypeKind.ULongLong: return "ulong";
            case CXTypeKind.Float: return "float";
            case CXTypeKind.Double: return "double";

            case CXTypeKind.Long:
            case CXTypeKind.ULong:
                throw Unknown(type, where, "'long' differs in width between platforms; use a fixed-width type");

            default:
                throw Unknown(type, where, $"type kind {type.Kind} is not supported");
        }
    }

    private static string RequireBehindPointerIfOpaque(string csharp, CXType type, string where, bool behindPointer)
    {
        var canonical = LibClang.clang_getCanonicalType(type);
        if (canonical.Kind == CXTypeKind.Record && !behindPointer)
        {
            throw Unknown(type, where, "opaque structs can only be passed by pointer");
        }

        return csharp;
    }

    private static string DeclarationName(CXType type) => LibClang.clang_getTypeDeclaration(type).Spelling();

    private static GenerationException Unknown(CXType type, string where, string why) =>
        new($"{where}: cannot bind C type '{type.Spelling()}': {why}");
}
