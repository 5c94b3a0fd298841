using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qdcnn.BindingsGenerator.Clang;

/// <summary>Managed conveniences over <see cref="LibClang"/>: strings, child lists, tokens.</summary>
internal static unsafe class ClangInterop
{
    /// <summary>Copies a CXString into a managed string and disposes it.</summary>
    public static string TakeString(CXString value)
    {
        try
        {
            var text = LibClang.clang_getCString(value);
            return text == null ? string.Empty : Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
        }
        finally
        {
            LibClang.clang_disposeString(value);
        }
    }

    public static string Spelling(this CXCursor cursor) => TakeString(LibClang.clang_getCursorSpelling(cursor));

    public static string Spelling(this CXType type) => TakeString(LibClang.clang_getTypeSpelling(type));

    /// <summary>The direct children of a cursor, in source order.</summary>
    public static List<CXCursor> Children(this CXCursor parent)
    {
        var children = new List<CXCursor>();
        var handle = GCHandle.Alloc(children);
        try
        {
            LibClang.clang_visitChildren(parent, &CollectChild, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return children;
    }

    [UnmanagedCallersOnly]
    private static CXChildVisitResult CollectChild(CXCursor cursor, CXCursor parent, nint clientData)
    {
        var children = (List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!;
        children.Add(cursor);
        return CXChildVisitResult.Continue;
    }

    public static bool IsFromMainFile(this CXCursor cursor) =>
        LibClang.clang_Location_isFromMainFile(LibClang.clang_getCursorLocation(cursor)) != 0;

    /// <summary>The 1-based line of the cursor's name.</summary>
    public static int Line(this CXCursor cursor) => LineOf(LibClang.clang_getCursorLocation(cursor));

    /// <summary>The 1-based first and last lines the cursor's source covers.</summary>
    public static (int First, int Last) Lines(this CXCursor cursor)
    {
        var extent = LibClang.clang_getCursorExtent(cursor);
        return (LineOf(LibClang.clang_getRangeStart(extent)), LineOf(LibClang.clang_getRangeEnd(extent)));
    }

    private static int LineOf(CXSourceLocation location)
    {
        uint line, column, offset;
        nint file;
        LibClang.clang_getSpellingLocation(location, &file, &line, &column, &offset);
        return (int)line;
    }

    /// <summary>The spellings of the tokens a cursor covers (for a macro: its name, then its body).</summary>
    public static List<string> Tokens(nint translationUnit, CXCursor cursor)
    {
        CXToken* tokens;
        uint count;
        LibClang.clang_tokenize(translationUnit, LibClang.clang_getCursorExtent(cursor), &tokens, &count);
        try
        {
            var result = new List<string>((int)count);
            for (uint i = 0; i < count; i++)
            {
                result.Add(TakeString(LibClang.clang_getTokenSpelling(translationUnit, tokens[i])));
            }

            return result;
        }
        finally
        {
            if (tokens != null)
            {
                LibClang.clang_disposeTokens(translationUnit, tokens, count);
            }
        }
    }

    /// <summary>Strips sugar that carries no name of its own (C's `enum x` / `struct x` elaboration).</summary>
    public static CXType Unelaborated(this CXType type) =>
        type.Kind == CXTypeKind.Elaborated ? LibClang.clang_Type_getNamedType(type) : type;

    public static bool IsConst(this CXType type) => LibClang.clang_isConstQualifiedType(type) != 0;
}
