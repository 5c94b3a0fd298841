using System.Reflection;

namespace Qdcnn.Interop;

/// <summary>
/// The one place where a <see cref="QdcnnStatus"/> becomes an exception. Every exception carries
/// the library's last-error message (which names the argument at fault) and, in
/// <c>Exception.Data[DataKey]</c>, the status.
/// </summary>
public static unsafe class NativeStatus
{
    /// <summary>Key under which the status is stored in <see cref="Exception.Data"/>.</summary>
    public const string DataKey = "QdcnnStatus";

    /// <summary>Throws the exception for <paramref name="status"/> unless it is <see cref="QdcnnStatus.Ok"/>.</summary>
    /// <remarks>Call it right after the native call, on the same thread: the message is thread-local.</remarks>
    public static void Check(QdcnnStatus status)
    {
        if (status != QdcnnStatus.Ok)
        {
            throw ToException(status, LastErrorMessage());
        }
    }

    /// <summary>The calling thread's last native error message (empty if none).</summary>
    public static string LastErrorMessage()
    {
        byte* message = null;
        return NativeMethods.qdcnn_error_message(&message) == QdcnnStatus.Ok ? NativeText.Copy(message) : string.Empty;
    }

    /// <summary>Maps a failing status and its native message to the exception callers see.</summary>
    public static Exception ToException(QdcnnStatus status, string nativeMessage)
    {
        var message = FormatMessage(status, nativeMessage);
        Exception exception = status switch
        {
            QdcnnStatus.ErrorNullPointer => new ArgumentNullException(paramName: null, message),
            QdcnnStatus.ErrorOutOfRange or QdcnnStatus.ErrorTooManyQubits =>
                new ArgumentOutOfRangeException(paramName: null, message),
            QdcnnStatus.ErrorInvalidArgument or QdcnnStatus.ErrorDuplicateQubits or QdcnnStatus.ErrorBufferLength
                or QdcnnStatus.ErrorNotFinite or QdcnnStatus.ErrorUnknownGate or QdcnnStatus.ErrorZeroNorm =>
                new ArgumentException(message),
            QdcnnStatus.ErrorOutOfMemory => new OutOfMemoryException(message),
            QdcnnStatus.ErrorParse => new QdcnnParseException(nativeMessage),
            QdcnnStatus.Ok => throw new ArgumentException("QDCNN_OK is not an error.", nameof(status)),
            _ => new QdcnnNativeException(status, nativeMessage),
        };
        exception.Data[DataKey] = status;
        return exception;
    }

    /// <summary>"native text (QDCNN_ERROR_X)"; the status name alone when the library gave no text.</summary>
    public static string FormatMessage(QdcnnStatus status, string nativeMessage)
    {
        var name = CName(status);
        return string.IsNullOrWhiteSpace(nativeMessage) ? $"Qdcnn native call failed ({name})." : $"{nativeMessage} ({name})";
    }

    /// <summary>The C name of a status (QDCNN_ERROR_PARSE), or its number if the header has none.</summary>
    public static string CName(QdcnnStatus status)
    {
        var field = typeof(QdcnnStatus).GetField(status.ToString(), BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<NativeNameAttribute>()?.Name ?? $"status {(int)status}";
    }
}
