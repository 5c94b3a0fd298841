using System.Globalization;
using System.Text;

namespace Qdcnn.Training;

/// <summary>
/// Per-sentence logits as CSV: header <c>index,label,logit0,logit1,…</c>, one row per sentence with its
/// 0-based index, its label text and its logits in round-trip precision (G17), invariant culture.
/// </summary>
public static class LogitsCsv
{
    /// <summary>The CSV text for <paramref name="evaluation"/>; <paramref name="labelOf"/> turns a class index into its label.</summary>
    public static string Format(Evaluation evaluation, Func<int, string> labelOf)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(labelOf);
        var text = new StringBuilder();
        text.Append("index,label");
        for (int c = 0; c < evaluation.Classes; c++) text.Append(",logit").Append(c.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
        for (int i = 0; i < evaluation.Count; i++)
        {
            text.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Quote(labelOf((int)evaluation.Labels[i])));
            for (int c = 0; c < evaluation.Classes; c++)
                text.Append(',').Append(evaluation.Logits[i * evaluation.Classes + c].ToString("G17", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Evaluation evaluation, Func<int, string> labelOf) =>
        AtomicFile.WriteAllText(path, Format(evaluation, labelOf));

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
