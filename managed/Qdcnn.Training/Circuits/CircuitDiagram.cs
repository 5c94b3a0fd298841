using System.Text;

namespace Qdcnn.Training.Circuits;

/// <summary>
/// Draws a circuit as ASCII text: one row per qubit (<c>q0</c> on top), one column per gate, in order.
/// Wires are <c>-</c>; a one-qubit gate is its label (<c>H</c>, <c>RY(w0)</c>); a controlled gate puts <c>@</c>
/// on the control, its label on the target and <c>|</c> on the wires in between; <c>swap</c> puts <c>x</c>
/// on both qubits. Columns are wrapped into blocks no wider than <c>maxWidth</c>.
/// </summary>
public static class CircuitDiagram
{
    /// <summary>The diagram of <paramref name="gates"/> on <paramref name="qubits"/> qubits.</summary>
    public static string Render(int qubits, IReadOnlyList<CircuitGate> gates, int maxWidth = 120)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        string[] prefixes = Enumerable.Range(0, qubits).Select(q => $"q{q}: ").ToArray();
        int prefixWidth = prefixes.Max(p => p.Length);
        var columns = gates.Select(g => Column(qubits, g)).ToList();
        var text = new StringBuilder();
        int start = 0;
        do
        {
            int width = prefixWidth, end = start;
            while (end < columns.Count && (end == start || width + columns[end][0].Length <= maxWidth))
            {
                width += columns[end][0].Length;
                end++;
            }
            if (start > 0) text.AppendLine();
            for (int q = 0; q < qubits; q++)
            {
                var row = new StringBuilder(prefixes[q].PadLeft(prefixWidth));
                row.Append(start > 0 ? "..." : "-");
                for (int c = start; c < end; c++) row.Append(columns[c][q]);
                row.Append(end < columns.Count ? "..." : "-");
                text.AppendLine(row.ToString());
            }
            start = end;
        } while (start < columns.Count);
        return text.ToString();
    }

    private static string[] Column(int qubits, CircuitGate gate)
    {
        var cells = new string?[qubits];
        if (gate.Qubits.Length == 1)
        {
            cells[gate.Qubits[0]] = gate.TargetLabel;
        }
        else
        {
            int a = gate.Qubits[0], b = gate.Qubits[1];
            bool symmetric = gate.Name is "swap" or "cz" or "rzz";
            cells[a] = gate.Name == "swap" ? "x" : gate.Name == "rzz" ? gate.TargetLabel : "@";
            cells[b] = gate.Name == "swap" ? "x" : gate.Name == "cz" ? "@" : gate.TargetLabel;
            _ = symmetric;
            for (int q = Math.Min(a, b) + 1; q < Math.Max(a, b); q++) cells[q] = "|";
        }
        int width = cells.Max(c => c?.Length ?? 0) + 2;
        return cells.Select(c => Center(c, width)).ToArray();
    }

    private static string Center(string? label, int width)
    {
        if (label is null) return new string('-', width);
        int left = (width - label.Length) / 2;
        return new string('-', left) + label + new string('-', width - left - label.Length);
    }
}
