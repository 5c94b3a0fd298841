using System.Globalization;

namespace Qdcnn.Training.Circuits;

/// <summary>One gate of a bound circuit as OpenQASM 2.0 writes it (lower-case qelib1.inc name, qubits, angles).</summary>
/// <param name="Name">qelib1.inc name (<c>h</c>, <c>ry</c>, <c>cx</c>, <c>cry</c> …).</param>
/// <param name="Qubits">Qubits, control first for controlled gates.</param>
/// <param name="Angles">Bound angles in radians.</param>
/// <param name="Labels">Per angle: a symbol such as <c>w3</c> (parameter 3) or <c>x1</c> (input 1), or null for a constant.</param>
public sealed record CircuitGate(string Name, int[] Qubits, double[] Angles, string?[] Labels)
{
    /// <summary>Controlled rotations as written by the QASM writer (CRX, CRY, CRZ, controlled phase).</summary>
    public bool IsControlledRotation => Name is "crx" or "cry" or "crz" or "cu1";

    /// <summary>A CNOT.</summary>
    public bool IsCnot => Name == "cx";

    /// <summary>The text shown in a diagram cell for the target of this gate, e.g. <c>RY(w0)</c> or <c>H</c>.</summary>
    public string TargetLabel
    {
        get
        {
            string baseName = Name switch
            {
                "cx" => "X",
                "cz" => "Z",
                "swap" => "x",
                "crx" or "cry" or "crz" => Name[1..].ToUpperInvariant(),
                "cu1" => "P",
                "u1" => "P",
                "id" => "I",
                _ => Name.ToUpperInvariant(),
            };
            if (Angles.Length == 0) return baseName;
            var args = Angles.Select((a, i) => Labels[i] ?? a.ToString("0.###", CultureInfo.InvariantCulture));
            return $"{baseName}({string.Join(",", args)})";
        }
    }
}

/// <summary>Reads the gate lines of OpenQASM 2.0 text written by <see cref="Qdcnn.Quantum.Circuit.ToQasm"/>.</summary>
public static class QasmGateReader
{
    /// <summary>The gates of <paramref name="qasm"/>, in order (header, include and register lines skipped).</summary>
    /// <exception cref="FormatException">A line is not a gate statement of the form <c>name(args) q[i],q[j];</c>; the message names the line.</exception>
    public static IReadOnlyList<CircuitGate> Read(string qasm)
    {
        ArgumentNullException.ThrowIfNull(qasm);
        var gates = new List<CircuitGate>();
        int lineNumber = 0;
        foreach (var raw in qasm.Split('\n'))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("OPENQASM", StringComparison.Ordinal)
                || line.StartsWith("include", StringComparison.Ordinal) || line.StartsWith("qreg", StringComparison.Ordinal)
                || line.StartsWith("creg", StringComparison.Ordinal))
                continue;
            gates.Add(ParseGate(line, lineNumber));
        }
        return gates;
    }

    private static CircuitGate ParseGate(string line, int lineNumber)
    {
        if (!line.EndsWith(';')) throw new FormatException($"QASM line {lineNumber}: '{line}' does not end with ';'.");
        string body = line[..^1];
        int space = body.IndexOf(' ');
        if (space < 0) throw new FormatException($"QASM line {lineNumber}: '{line}' has no qubit list.");
        string head = body[..space], operands = body[(space + 1)..];
        string name = head;
        double[] angles = [];
        int open = head.IndexOf('(');
        if (open >= 0)
        {
            if (!head.EndsWith(')')) throw new FormatException($"QASM line {lineNumber}: unbalanced parentheses in '{line}'.");
            name = head[..open];
            angles = head[(open + 1)..^1].Split(',').Select(a => double.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
        int[] qubits = operands.Split(',', StringSplitOptions.TrimEntries).Select(q =>
        {
            if (!q.StartsWith("q[", StringComparison.Ordinal) || !q.EndsWith(']'))
                throw new FormatException($"QASM line {lineNumber}: '{q}' is not a qubit q[i].");
            return int.Parse(q[2..^1], CultureInfo.InvariantCulture);
        }).ToArray();
        return new CircuitGate(name, qubits, angles, new string?[angles.Length]);
    }
}
