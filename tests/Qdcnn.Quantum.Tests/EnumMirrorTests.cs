using Qdcnn.Interop;

namespace Qdcnn.Quantum.Tests;

/// <summary>The managed enums have the names and values of the generated native ones.</summary>
public sealed class EnumMirrorTests
{
    [Fact]
    public void ManagedEnumsMirrorNativeValues()
    {
        AssertMirrors<Precision, QdcnnPrecision>();
        AssertMirrors<Kernel, QdcnnKernel>();
        AssertMirrors<Pauli, QdcnnPauli>();
        AssertMirrors<AngleSource, QdcnnAngleSource>();
        var gates = Enum.GetValues<QdcnnGate>().Where(g => g is not (QdcnnGate.Unitary1 or QdcnnGate.Unitary2)).Select(g => (int)g);
        Assert.Equal(gates.Order(), Enum.GetValues<GateKind>().Select(g => (int)g).Order());
        foreach (var gate in Enum.GetValues<GateKind>())
        {
            Assert.Equal(gate.ToString(), ((QdcnnGate)(int)gate).ToString(), ignoreCase: true);
        }
    }

    private static void AssertMirrors<TManaged, TNative>()
        where TManaged : struct, Enum
        where TNative : struct, Enum
    {
        var managed = Enum.GetValues<TManaged>().Select(v => (v.ToString(), Convert.ToInt32(v))).Order();
        var native = Enum.GetValues<TNative>().Select(v => (v.ToString(), Convert.ToInt32(v))).Order();
        Assert.Equal(native, managed);
    }
}
