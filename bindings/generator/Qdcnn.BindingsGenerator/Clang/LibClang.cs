using System.Runtime.InteropServices;

namespace Qdcnn.BindingsGenerator.Clang;

// The handful of libclang C entry points the generator needs, declared by hand (ClangSharp is not
// available). Struct layouts follow clang-c/Index.h and are stable across libclang versions.

[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public nint Data;
    public uint PrivateFlags;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXCursor
{
    public CXCursorKind Kind;
    public int XData;
    public fixed ulong Data[3];
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXType
{
    public CXTypeKind Kind;
    public fixed ulong Data[2];
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXSourceLocation
{
    public fixed ulong PtrData[2];
    public uint IntData;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXSourceRange
{
    public fixed ulong PtrData[2];
    public uint BeginIntData;
    public uint EndIntData;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXToken
{
    public fixed uint IntData[4];
    public nint PtrData;
}

internal enum CXCursorKind
{
    StructDecl = 2,
    UnionDecl = 3,
    EnumDecl = 5,
    EnumConstantDecl = 7,
    FunctionDecl = 8,
    VarDecl = 9,
    ParmDecl = 10,
    TypedefDecl = 20,
    MacroDefinition = 501,
    MacroExpansion = 502,
    InclusionDirective = 503,
}

internal enum CXTypeKind
{
    Invalid = 0,
    Unexposed = 1,
    Void = 2,
    Bool = 3,
    CharU = 4,
    UChar = 5,
    UShort = 8,
    UInt = 9,
    ULong = 10,
    ULongLong = 11,
    CharS = 13,
    SChar = 14,
    Short = 16,
    Int = 17,
    Long = 18,
    LongLong = 19,
    Float = 21,
    Double = 22,
    Pointer = 101,
    Record = 105,
    Enum = 106,
    Typedef = 107,
    FunctionProto = 111,
    ConstantArray = 112,
    IncompleteArray = 114,
    Elaborated = 119,
}

internal enum CXDiagnosticSeverity
{
    Ignored = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}

internal enum CXChildVisitResult
{
    Break = 0,
    Continue = 1,
    Recurse = 2,
}

internal static unsafe partial class LibClang
{
    /// <summary>Logical library name; <see cref="LibClangLoader"/> maps it to a real file.</summary>
    public const string LibraryName = "libclang";

    public const uint TranslationUnitDetailedPreprocessingRecord = 0x01;
    public const uint TranslationUnitSkipFunctionBodies = 0x40;
    public const uint DiagnosticDisplaySourceLocation = 0x01;
    public const uint DiagnosticDisplayColumn = 0x02;

    [DllImport(LibraryName)] public static extern nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);
    [DllImport(LibraryName)] public static extern void clang_disposeIndex(nint index);

    [DllImport(LibraryName)]
    public static extern int clang_parseTranslationUnit2(nint index, byte* sourceFilename, byte** commandLineArgs,
        int numCommandLineArgs, void* unsavedFiles, uint numUnsavedFiles, uint options, nint* translationUnit);

    [DllImport(LibraryName)] public static extern void clang_disposeTranslationUnit(nint translationUnit);

    [DllImport(LibraryName)] public static extern uint clang_getNumDiagnostics(nint translationUnit);
    [DllImport(LibraryName)] public static extern nint clang_getDiagnostic(nint translationUnit, uint index);
    [DllImport(LibraryName)] public static extern CXDiagnosticSeverity clang_getDiagnosticSeverity(nint diagnostic);
    [DllImport(LibraryName)] public static extern CXString clang_formatDiagnostic(nint diagnostic, uint options);
    [DllImport(LibraryName)] public static extern void clang_disposeDiagnostic(nint diagnostic);

    [DllImport(LibraryName)] public static extern CXString clang_getClangVersion();
    [DllImport(LibraryName)] public static extern byte* clang_getCString(CXString value);
    [DllImport(LibraryName)] public static extern void clang_disposeString(CXString value);

    [DllImport(LibraryName)] public static extern CXCursor clang_getTranslationUnitCursor(nint translationUnit);
    [DllImport(LibraryName)]
    public static extern uint clang_visitChildren(CXCursor parent,
        delegate* unmanaged<CXCursor, CXCursor, nint, CXChildVisitResult> visitor, nint clientData);

    [DllImport(LibraryName)] public static extern CXString clang_getCursorSpelling(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXType clang_getCursorType(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXType clang_getCursorResultType(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXSourceRange clang_getCursorExtent(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXSourceLocation clang_getRangeStart(CXSourceRange range);
    [DllImport(LibraryName)] public static extern CXSourceLocation clang_getRangeEnd(CXSourceRange range);
    [DllImport(LibraryName)] public static extern int clang_Location_isFromMainFile(CXSourceLocation location);
    [DllImport(LibraryName)]
    public static extern void clang_getSpellingLocation(CXSourceLocation location, nint* file, uint* line, uint* column, uint* offset);
    [DllImport(LibraryName)] public static extern int clang_Cursor_getNumArguments(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [DllImport(LibraryName)] public static extern long clang_getEnumConstantDeclValue(CXCursor cursor);
    [DllImport(LibraryName)] public static extern CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);
    [DllImport(LibraryName)] public static extern int clang_isCursorDefinition(CXCursor cursor);
    [DllImport(LibraryName)] public static extern int clang_Cursor_isMacroFunctionLike(CXCursor cursor);
    [DllImport(LibraryName)] public static extern int clang_Cursor_isVariadic(CXCursor cursor);

    [DllImport(LibraryName)] public static extern CXString clang_getTypeSpelling(CXType type);
    [DllImport(LibraryName)] public static extern CXType clang_getPointeeType(CXType type);
    [DllImport(LibraryName)] public static extern CXType clang_getCanonicalType(CXType type);
    [DllImport(LibraryName)] public static extern CXType clang_Type_getNamedType(CXType type);
    [DllImport(LibraryName)] public static extern CXCursor clang_getTypeDeclaration(CXType type);
    [DllImport(LibraryName)] public static extern CXString clang_getTypedefName(CXType type);
    [DllImport(LibraryName)] public static extern uint clang_isConstQualifiedType(CXType type);
    [DllImport(LibraryName)] public static extern long clang_Type_getSizeOf(CXType type);

    [DllImport(LibraryName)]
    public static extern void clang_tokenize(nint translationUnit, CXSourceRange range, CXToken** tokens, uint* numTokens);
    [DllImport(LibraryName)] public static extern CXString clang_getTokenSpelling(nint translationUnit, CXToken token);
    [DllImport(LibraryName)] public static extern void clang_disposeTokens(nint translationUnit, CXToken* tokens, uint numTokens);
}
