namespace Qdcnn.BindingsGenerator;

/// <summary>The header cannot be bound as configured; the message says where and why.</summary>
public sealed class GenerationException : Exception
{
    /// <summary>Creates the exception with a message naming the file, line or type at fault.</summary>
    public GenerationException(string message) : base(message)
    {
    }
}
