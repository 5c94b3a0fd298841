namespace Qdcnn.Interop;

/// <summary>
/// The C type of a generated parameter or return value where the C# type loses information
/// (const, typedef names such as size_t, enum and handle types).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class NativeTypeNameAttribute(string name) : Attribute
{
    /// <summary>The C type as clang spells it, e.g. "const qdcnn_circuit *".</summary>
    public string Name { get; } = name;
}
