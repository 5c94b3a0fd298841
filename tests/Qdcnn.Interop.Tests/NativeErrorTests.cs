using System.Text;

namespace Qdcnn.Interop.Tests;

/// <summary>Real native failures surface as the mapped exceptions carrying the library's message.</summary>
public sealed unsafe class NativeErrorTests
{
    [Fact]
    public void OutOfRangeQubitCountIsArgumentOutOfRangeWithNativeMessage()
    {
        QdcnnCircuit* circuit = null;
        var status = NativeMethods.qdcnn_circuit_create(0, &circuit);
        Assert.Equal(QdcnnStatus.ErrorOutOfRange, status);
        var message = NativeStatus.LastErrorMessage();
        Assert.False(string.IsNullOrWhiteSpace(message));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CreateCircuit(0));
        Assert.Contains(message, e.Message);
        Assert.Contains("QDCNN_ERROR_OUT_OF_RANGE", e.Message);
    }

    [Fact]
    public void NullOutputPointerIsArgumentNullException()
    {
        var e = Assert.Throws<ArgumentNullException>(() => NativeStatus.Check(NativeMethods.qdcnn_circuit_create(2, null)));
        Assert.Contains("QDCNN_ERROR_NULL_POINTER", e.Message);
        Assert.True(e.Message.Length > "(QDCNN_ERROR_NULL_POINTER)".Length + 5, e.Message);
    }

    [Fact]
    public void DuplicateQubitsIsArgumentException()
    {
        using var circuit = CreateCircuit(2);
        using var lease = circuit.Lease();
        int* qubits = stackalloc int[] { 1, 1 };
        var e = Assert.Throws<ArgumentException>(() => NativeStatus.Check(
            NativeMethods.qdcnn_circuit_add_gate(circuit.Pointer, (int)QdcnnGate.Cnot, qubits, 2, null, null, null, null, 0)));
        Assert.Contains("QDCNN_ERROR_DUPLICATE_QUBITS", e.Message);
        Assert.Equal(QdcnnStatus.ErrorDuplicateQubits, e.Data[NativeStatus.DataKey]);
    }

    [Fact]
    public void MalformedQasmIsParseExceptionNamingTheLine()
    {
        var text = Encoding.UTF8.GetBytes("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nfrobnicate q[0];\n");
        QdcnnCircuit* circuit = null;
        fixed (byte* t = text)
        {
            var status = NativeMethods.qdcnn_circuit_from_qasm(t, (nuint)text.Length, &circuit);
            var e = Assert.Throws<QdcnnParseException>(() => NativeStatus.Check(status));
            Assert.Equal(QdcnnStatus.ErrorParse, e.Status);
            Assert.Contains("4", e.NativeMessage);
            Assert.Contains(e.NativeMessage, e.Message);
        }

        Assert.True(circuit == null, "outputs are written only on success");
    }

    [Fact]
    public void StatusNamesFromTheLibraryMatchTheGeneratedEnum()
    {
        foreach (var status in Enum.GetValues<QdcnnStatus>())
        {
            Assert.Equal(NativeStatus.CName(status), NativeDiagnostics.StatusName((int)status));
        }
    }

    private static CircuitHandle CreateCircuit(int qubits)
    {
        QdcnnCircuit* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_circuit_create(qubits, &pointer));
        return CircuitHandle.Own(pointer);
    }
}
