namespace Qdcnn.Training.Circuits;

/// <summary>
/// Size of one bound circuit: qubits, depth (layers of gates that act on disjoint qubits, as soon as possible),
/// one- and two-qubit gate counts, CNOTs, controlled rotations (CRX/CRY/CRZ/controlled phase) and trainable
/// parameters. Counts are of the gates as exported to OpenQASM 2.0 (RXX/RYY appear as their CNOT decompositions).
/// </summary>
public sealed record CircuitMetrics(int Qubits, int Depth, int OneQubitGates, int TwoQubitGates, int Cnots, int ControlledRotations, int Parameters)
{
    /// <summary>All gates.</summary>
    public int Gates => OneQubitGates + TwoQubitGates;

    /// <summary>Measures <paramref name="gates"/> on <paramref name="qubits"/> qubits with <paramref name="parameters"/> trainable angles.</summary>
    /// <exception cref="ArgumentException">A gate names a qubit outside the register or acts on more than two qubits.</exception>
    public static CircuitMetrics Of(int qubits, IReadOnlyList<CircuitGate> gates, int parameters)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var level = new int[qubits];
        int depth = 0, one = 0, two = 0, cnots = 0, rotations = 0;
        foreach (var gate in gates)
        {
            if (gate.Qubits.Length is < 1 or > 2) throw new ArgumentException($"Gate {gate.Name} acts on {gate.Qubits.Length} qubits.", nameof(gates));
            if (gate.Qubits.Any(q => q < 0 || q >= qubits)) throw new ArgumentException($"Gate {gate.Name} names a qubit outside 0..{qubits - 1}.", nameof(gates));
            int layer = gate.Qubits.Max(q => level[q]) + 1;
            foreach (int q in gate.Qubits) level[q] = layer;
            depth = Math.Max(depth, layer);
            if (gate.Qubits.Length == 1) one++;
            else two++;
            if (gate.IsCnot) cnots++;
            if (gate.IsControlledRotation) rotations++;
        }
        return new CircuitMetrics(qubits, depth, one, two, cnots, rotations, parameters);
    }
}
