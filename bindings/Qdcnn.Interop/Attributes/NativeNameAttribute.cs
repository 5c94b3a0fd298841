namespace Qdcnn.Interop;

/// <summary>The C identifier a generated type, enum member or constant was bound from.</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Field, AllowMultiple = false)]
public sealed class NativeNameAttribute(string name) : Attribute
{
    /// <summary>The C identifier, e.g. QDCNN_ERROR_PARSE.</summary>
    public string Name { get; } = name;
}
