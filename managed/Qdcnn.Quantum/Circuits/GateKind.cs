using Qdcnn.Interop;

namespace Qdcnn.Quantum;

// Mirrors the C enum; the values equal the native ones (checked by EnumMirrorTests).

/// <summary>Gate kinds; see the C header for each gate's matrix and arity.</summary>
public enum GateKind
{
    /// <summary>Identity [1 qubit, 0 angles].</summary>
    I = QdcnnGate.I,
    /// <summary>Hadamard [1, 0].</summary>
    H = QdcnnGate.H,
    /// <summary>Pauli X [1, 0].</summary>
    X = QdcnnGate.X,
    /// <summary>Pauli Y [1, 0].</summary>
    Y = QdcnnGate.Y,
    /// <summary>Pauli Z [1, 0].</summary>
    Z = QdcnnGate.Z,
    /// <summary>diag(1, i) [1, 0].</summary>
    S = QdcnnGate.S,
    /// <summary>diag(1, -i) [1, 0].</summary>
    Sdg = QdcnnGate.Sdg,
    /// <summary>diag(1, e^{i pi/4}) [1, 0].</summary>
    T = QdcnnGate.T,
    /// <summary>diag(1, e^{-i pi/4}) [1, 0].</summary>
    Tdg = QdcnnGate.Tdg,
    /// <summary>sqrt(X) [1, 0].</summary>
    SX = QdcnnGate.Sx,
    /// <summary>exp(-i theta X / 2) [1, 1].</summary>
    RX = QdcnnGate.Rx,
    /// <summary>exp(-i theta Y / 2) [1, 1].</summary>
    RY = QdcnnGate.Ry,
    /// <summary>exp(-i theta Z / 2) [1, 1].</summary>
    RZ = QdcnnGate.Rz,
    /// <summary>diag(1, e^{i phi}) [1, 1].</summary>
    Phase = QdcnnGate.Phase,
    /// <summary>OpenQASM U(theta, phi, lambda) [1, 3].</summary>
    U3 = QdcnnGate.U3,
    /// <summary>Controlled X, qubits (control, target) [2, 0].</summary>
    Cnot = QdcnnGate.Cnot,
    /// <summary>Controlled Z [2, 0].</summary>
    CZ = QdcnnGate.Cz,
    /// <summary>Swap [2, 0].</summary>
    Swap = QdcnnGate.Swap,
    /// <summary>Controlled RX [2, 1].</summary>
    CRX = QdcnnGate.Crx,
    /// <summary>Controlled RY [2, 1].</summary>
    CRY = QdcnnGate.Cry,
    /// <summary>Controlled RZ [2, 1].</summary>
    CRZ = QdcnnGate.Crz,
    /// <summary>Controlled phase [2, 1].</summary>
    CPhase = QdcnnGate.Cphase,
    /// <summary>exp(-i theta X(x)X / 2) [2, 1].</summary>
    RXX = QdcnnGate.Rxx,
    /// <summary>exp(-i theta Y(x)Y / 2) [2, 1].</summary>
    RYY = QdcnnGate.Ryy,
    /// <summary>exp(-i theta Z(x)Z / 2) [2, 1].</summary>
    RZZ = QdcnnGate.Rzz,
}
