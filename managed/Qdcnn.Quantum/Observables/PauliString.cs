using System.Globalization;

namespace Qdcnn.Quantum;

/// <summary>A tensor product of single-qubit Paulis on distinct qubits, e.g. Z0 Z1 or X2 Y3.</summary>
public sealed class PauliString
{
    private readonly (Pauli Pauli, int Qubit)[] _factors;

    /// <summary>Creates the product of the given factors (an empty list is the identity).</summary>
    public PauliString(params (Pauli Pauli, int Qubit)[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        _factors = (((Pauli, int)[])factors.Clone());
    }

    /// <summary>The factors in the order given.</summary>
    public IReadOnlyList<(Pauli Pauli, int Qubit)> Factors => _factors;

    /// <summary>The identity (coefficient-only term).</summary>
    public static PauliString Identity { get; } = new();

    /// <summary>Z on one qubit.</summary>
    public static PauliString Z(int qubit) => new((Pauli.Z, qubit));

    /// <summary>
    /// Parses space-separated factors such as "Z0 Z1" or "X2 Y0" ("I" or "" is the identity).
    /// </summary>
    public static PauliString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var factors = new List<(Pauli, int)>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "I")
            {
                continue;
            }

            var pauli = token[0] switch
            {
                'I' => Pauli.I,
                'X' => Pauli.X,
                'Y' => Pauli.Y,
                'Z' => Pauli.Z,
                _ => throw new FormatException($"Pauli string '{text}': '{token}' must start with I, X, Y or Z."),
            };
            if (!int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var qubit))
            {
                throw new FormatException($"Pauli string '{text}': '{token}' must be a Pauli letter followed by a qubit index.");
            }

            factors.Add((pauli, qubit));
        }

        return new PauliString(factors.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() =>
        _factors.Length == 0 ? "I" : string.Join(' ', _factors.Select(f => f.Pauli.ToString() + f.Qubit.ToString(CultureInfo.InvariantCulture)));
}
