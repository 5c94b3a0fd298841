namespace Qdcnn.Interop;

/// <summary>A native call failed with a status that is not an argument or memory problem.</summary>
public class QdcnnNativeException : Exception
{
    /// <summary>Creates the exception from a status and the library's own message.</summary>
    public QdcnnNativeException(QdcnnStatus status, string nativeMessage)
        : base(NativeStatus.FormatMessage(status, nativeMessage))
    {
        Status = status;
        NativeMessage = nativeMessage;
    }

    /// <summary>The status the native call returned.</summary>
    public QdcnnStatus Status { get; }

    /// <summary>The library's last-error message for the call, verbatim.</summary>
    public string NativeMessage { get; }
}

/// <summary>A circuit text (OpenQASM, qsim) could not be parsed; the message names the line.</summary>
public sealed class QdcnnParseException(string nativeMessage)
    : QdcnnNativeException(QdcnnStatus.ErrorParse, nativeMessage);

/// <summary>The loaded libqdcnn implements another ABI version than these bindings were generated for.</summary>
public sealed class QdcnnAbiMismatchException(string message) : Exception(message);
