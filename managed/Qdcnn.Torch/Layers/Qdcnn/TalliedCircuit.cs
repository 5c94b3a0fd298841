using Qdcnn.Quantum;

namespace Qdcnn.Torch;

/// <summary>
/// Builds a <see cref="Circuit"/> while counting its gates by kind (<see cref="GateTally"/>). The native
/// circuit only reports a total gate count; tests compare <see cref="Tally"/>.Total with it.
/// </summary>
internal sealed class TalliedCircuit
{
    public TalliedCircuit(int numQubits) => Circuit = new Circuit(numQubits);

    /// <summary>The circuit being built (the caller takes ownership).</summary>
    public Circuit Circuit { get; }

    /// <summary>Gates added so far.</summary>
    public GateTally Tally { get; private set; }

    public TalliedCircuit H(int qubit) { Circuit.H(qubit); return One(); }

    public TalliedCircuit X(int qubit) { Circuit.X(qubit); return One(); }

    public TalliedCircuit RY(int qubit, Angle angle) { Circuit.RY(qubit, angle); return One(); }

    public TalliedCircuit Cnot(int control, int target)
    {
        Circuit.Cnot(control, target);
        Tally += new GateTally(0, 1, 0);
        return this;
    }

    public TalliedCircuit CRY(int control, int target, Angle angle)
    {
        Circuit.CRY(control, target, angle);
        Tally += new GateTally(0, 0, 1);
        return this;
    }

    private TalliedCircuit One()
    {
        Tally += new GateTally(1, 0, 0);
        return this;
    }
}

/// <summary>A circuit template together with the gate tally of one evaluation.</summary>
/// <param name="Template">The template (owned by whoever holds this record).</param>
/// <param name="Gates">Gates of one evaluation of the circuit.</param>
public sealed record TalliedTemplate(QuantumTemplate Template, GateTally Gates);
