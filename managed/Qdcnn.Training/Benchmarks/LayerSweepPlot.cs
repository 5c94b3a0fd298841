using System.Globalization;
using ScottPlot;

namespace Qdcnn.Training.Benchmarks;

/// <summary>
/// PNG of a <see cref="LayerSweep"/>: median forward and forward + backward time per call against the swept
/// quantity, one line per thread count, time on a log scale (and batch size on a log scale too).
/// </summary>
public static class LayerSweepPlot
{
    /// <summary>Renders <paramref name="rows"/> to <paramref name="path"/> (atomic).</summary>
    /// <exception cref="ArgumentException">No rows, or a time that is not positive (a log scale cannot show it).</exception>
    public static void Save(string path, string title, LayerSweepAxis axis, IReadOnlyList<LayerBenchmarkResult> rows, int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("No measurements to plot.", nameof(rows));
        if (rows.Any(r => r.Forward.Median <= 0 || r.ForwardBackward.Median <= 0))
            throw new ArgumentException("Every median time must be positive for a log-scale plot.", nameof(rows));

        // Why log10 by hand: ScottPlot 5 draws log axes as linear axes of log10 values with relabelled ticks.
        bool logX = axis == LayerSweepAxis.Batch;
        double X(LayerBenchmarkResult r) => axis == LayerSweepAxis.Qubits ? r.Qubits : Math.Log10(r.Batch);

        var plot = new Plot();
        foreach (var group in rows.GroupBy(r => r.Threads).OrderBy(g => g.Key))
        {
            var points = group.OrderBy(X).ToArray();
            double[] x = points.Select(X).ToArray();
            var forward = plot.Add.Scatter(x, points.Select(r => Math.Log10(r.Forward.Median)).ToArray());
            forward.LegendText = $"forward, {group.Key} thread(s)";
            var backward = plot.Add.Scatter(x, points.Select(r => Math.Log10(r.ForwardBackward.Median)).ToArray());
            backward.LegendText = $"forward + adjoint backward, {group.Key} thread(s)";
            backward.LinePattern = LinePattern.Dashed;
        }

        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Axes.Left.Label.Text = "median time per call (ms, log scale)";
        if (logX)
        {
            plot.Axes.Bottom.TickGenerator = LogTicks();
            plot.Axes.Bottom.Label.Text = "batch size B (samples per call, log scale)";
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Bottom.Label.Text = "qubits n";
        }
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }

    /// <summary>Major ticks at powers of ten of a log10 axis, minor ticks at 2…9 × each power.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        LabelFormatter = v => Math.Pow(10, v).ToString("G6", CultureInfo.InvariantCulture),
    };
}
