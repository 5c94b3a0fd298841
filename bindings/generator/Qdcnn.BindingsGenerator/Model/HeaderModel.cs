namespace Qdcnn.BindingsGenerator.Model;

// What the generator extracts from the header, independent of libclang and of C# syntax.

/// <summary>A Doxygen comment reduced to its text and its @param paragraphs.</summary>
public sealed record DocComment(IReadOnlyList<string> SummaryLines, IReadOnlyList<(string Name, string Text)> Parameters)
{
    /// <summary>No documentation.</summary>
    public static DocComment Empty { get; } = new([], []);

    /// <summary>True when neither summary nor parameters have text.</summary>
    public bool IsEmpty => SummaryLines.Count == 0 && Parameters.Count == 0;
}

/// <summary>A C type and the blittable C# type it maps to.</summary>
public sealed record MappedType(string CSpelling, string CSharp);

/// <summary>A `#define NAME integer`.</summary>
public sealed record ConstantModel(string CName, string CSharpName, long Value, DocComment Doc);

/// <summary>One enumerator of a C enum.</summary>
public sealed record EnumMemberModel(string CName, string CSharpName, long Value, DocComment Doc);

/// <summary>A C enum (bound as `: int`, the width the C ABI uses for enums).</summary>
public sealed record EnumModel(string CName, string CSharpName, IReadOnlyList<EnumMemberModel> Members, DocComment Doc);

/// <summary>A struct that is only ever declared, used through pointers.</summary>
public sealed record OpaqueTypeModel(string CName, string CSharpName, DocComment Doc);

/// <summary>One function parameter.</summary>
public sealed record ParameterModel(string CName, string CSharpName, MappedType Type);

/// <summary>One exported function.</summary>
public sealed record FunctionModel(string CName, MappedType ReturnType, IReadOnlyList<ParameterModel> Parameters, DocComment Doc);

/// <summary>Everything bound from one header, in source order.</summary>
public sealed record HeaderModel(
    string HeaderDisplayPath,
    IReadOnlyList<ConstantModel> Constants,
    IReadOnlyList<EnumModel> Enums,
    IReadOnlyList<OpaqueTypeModel> OpaqueTypes,
    IReadOnlyList<FunctionModel> Functions);
