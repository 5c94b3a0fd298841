namespace Qdcnn.Torch;

/// <summary>
/// Gate counts of a circuit, or of all circuits a layer runs for one sample: CNOTs, controlled rotations
/// (CRX/CRY/CRZ/controlled phase) and single-qubit gates. Tallies add (<c>+</c>) and scale (<c>*</c>), so a
/// layer's total is its circuit's tally times the number of evaluations.
/// </summary>
/// <param name="SingleQubit">One-qubit gates (H, X, RY, …).</param>
/// <param name="Cnots">CNOT gates.</param>
/// <param name="ControlledRotations">Controlled rotations (CRY and kin).</param>
public readonly record struct GateTally(long SingleQubit, long Cnots, long ControlledRotations)
{
    /// <summary>No gates.</summary>
    public static GateTally Zero => default;

    /// <summary>All gates.</summary>
    public long Total => SingleQubit + Cnots + ControlledRotations;

    /// <summary>Two-qubit gates (CNOTs and controlled rotations).</summary>
    public long TwoQubit => Cnots + ControlledRotations;

    /// <summary>Element-wise sum.</summary>
    public static GateTally operator +(GateTally a, GateTally b) =>
        new(a.SingleQubit + b.SingleQubit, a.Cnots + b.Cnots, a.ControlledRotations + b.ControlledRotations);

    /// <summary>The tally of <paramref name="times"/> evaluations.</summary>
    public static GateTally operator *(GateTally a, long times) =>
        new(a.SingleQubit * times, a.Cnots * times, a.ControlledRotations * times);
}
