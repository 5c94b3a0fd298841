using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Qdcnn.Training;

/// <summary>The ablation table as JSON, text and a PNG chart.</summary>
/// <param name="Format">Document format tag.</param>
/// <param name="Data">Which data.</param>
/// <param name="Preset">Preset name.</param>
/// <param name="Seeds">Seeds run.</param>
/// <param name="Selection">How the reported model of each run was chosen.</param>
/// <param name="GateCounts">What the gate columns count.</param>
/// <param name="Rows">One row per variant, the full model first.</param>
public sealed record AblationReport(string Format, string Data, string Preset, IReadOnlyList<long> Seeds, string Selection, string GateCounts,
    IReadOnlyList<AblationRow> Rows)
{
    /// <summary>Builds the report with the standard descriptions.</summary>
    public static AblationReport Create(string data, string preset, IReadOnlyList<long> seeds, IReadOnlyList<AblationRow> rows) =>
        new("qdcnn-ablation/1", data, preset, seeds,
            "epoch with the best validation accuracy per run; test set scored only after selection",
            "gates executed to classify one sentence of seq_len tokens (all circuit evaluations)", rows);

    /// <summary>Indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TrainingReport.JsonOptions);

    /// <summary>The plain-text table.</summary>
    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        string[] header = ["model", "parameters", "CNOTs", "controlled rotations", "test acc (val-selected)", "test acc (last epoch)"];
        var cells = Rows.Select(r => new[]
        {
            r.Model, r.Parameters.ToString(inv), r.Cnots.ToString(inv), r.ControlledRotations.ToString(inv),
            r.TestAccuracy.ToPercentString(), r.LastEpochTestAccuracy.ToPercentString(),
        }).ToList();
        int[] widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"ablation on {Data}; preset {Preset}; {Seeds.Count} seed(s); mean ± std over seeds; gate counts per sentence");
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var line in cells) text.AppendLine(string.Join("  ", line.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }

    /// <summary>Writes ablation.txt, ablation.json and ablation.png into <paramref name="folder"/> (atomically, as one folder).</summary>
    public void Save(string folder)
    {
        string json = ToJson(), table = ToTable();
        AtomicFile.WriteDirectory(folder, staging =>
        {
            File.WriteAllText(Path.Combine(staging, "ablation.txt"), table);
            File.WriteAllText(Path.Combine(staging, "ablation.json"), json + "\n");
            ComparisonPlot.Save(Path.Combine(staging, "ablation.png"), $"Ablation of qdcnn on {Data} ({Seeds.Count} seed(s))",
                Rows.Select(r => (r.Model, r.TestAccuracy)).ToList());
        });
    }
}
