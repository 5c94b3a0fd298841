namespace Qdcnn.Interop.Tests;

/// <summary>The one status-to-exception mapping, without the native library.</summary>
public sealed class StatusMappingTests
{
    [Theory]
    [InlineData(QdcnnStatus.ErrorNullPointer, typeof(ArgumentNullException))]
    [InlineData(QdcnnStatus.ErrorInvalidArgument, typeof(ArgumentException))]
    [InlineData(QdcnnStatus.ErrorOutOfRange, typeof(ArgumentOutOfRangeException))]
    [InlineData(QdcnnStatus.ErrorDuplicateQubits, typeof(ArgumentException))]
    [InlineData(QdcnnStatus.ErrorBufferLength, typeof(ArgumentException))]
    [InlineData(QdcnnStatus.ErrorNotFinite, typeof(ArgumentException))]
    [InlineData(QdcnnStatus.ErrorUnknownGate, typeof(ArgumentException))]
    [InlineData(QdcnnStatus.ErrorTooManyQubits, typeof(ArgumentOutOfRangeException))]
    [InlineData(QdcnnStatus.ErrorOutOfMemory, typeof(OutOfMemoryException))]
    [InlineData(QdcnnStatus.ErrorParse, typeof(QdcnnParseException))]
    [InlineData(QdcnnStatus.ErrorUnsupported, typeof(QdcnnNativeException))]
    [InlineData(QdcnnStatus.ErrorConcurrentUse, typeof(QdcnnNativeException))]
    [InlineData(QdcnnStatus.ErrorZeroNorm, typeof(ArgumentException))]
    [InlineData(QdcnnStatus.ErrorInternal, typeof(QdcnnNativeException))]
    public void EachStatusMapsToItsExceptionWithTheNativeText(QdcnnStatus status, Type expected)
    {
        var exception = NativeStatus.ToException(status, "qubits[1] = 7 is out of range");
        Assert.IsType(expected, exception);
        Assert.Contains("qubits[1] = 7 is out of range", exception.Message);
        Assert.Contains(NativeStatus.CName(status), exception.Message);
        Assert.Equal(status, exception.Data[NativeStatus.DataKey]);
        if (exception is QdcnnNativeException native)
        {
            Assert.Equal(status, native.Status);
            Assert.Equal("qubits[1] = 7 is out of range", native.NativeMessage);
        }
    }

    [Fact]
    public void EveryStatusButOkIsMapped()
    {
        foreach (var status in Enum.GetValues<QdcnnStatus>().Where(s => s != QdcnnStatus.Ok))
        {
            Assert.NotNull(NativeStatus.ToException(status, "x"));
        }

        Assert.Throws<ArgumentException>(() => NativeStatus.ToException(QdcnnStatus.Ok, "x"));
    }

    [Fact]
    public void EmptyNativeTextStillNamesTheStatus()
    {
        Assert.Equal("Qdcnn native call failed (QDCNN_ERROR_INTERNAL).", NativeStatus.ToException(QdcnnStatus.ErrorInternal, "").Message);
        Assert.Equal("QDCNN_ERROR_PARSE", NativeStatus.CName(QdcnnStatus.ErrorParse));
        Assert.Equal("status 1234", NativeStatus.CName((QdcnnStatus)1234));
    }
}
