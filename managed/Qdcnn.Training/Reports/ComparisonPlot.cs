using ScottPlot;

namespace Qdcnn.Training;

/// <summary>A PNG bar chart of test accuracy (mean ± std over seeds) per model, for <c>qdcnn compare</c>.</summary>
public static class ComparisonPlot
{
    /// <summary>Renders one bar per model to <paramref name="path"/> (atomic).</summary>
    public static void Save(string path, string title, IReadOnlyList<(string Model, MeanStd Accuracy)> rows, int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("No models to plot.", nameof(rows));
        var plot = new Plot();
        var bars = rows.Select((r, i) => new Bar { Position = i, Value = 100 * r.Accuracy.Mean, Error = 100 * r.Accuracy.Std }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => r.Model).ToArray());
        plot.Axes.Left.Label.Text = "test accuracy (%) of the validation-selected model";
        plot.Axes.SetLimitsY(0, 105);
        plot.Title(title);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }
}
