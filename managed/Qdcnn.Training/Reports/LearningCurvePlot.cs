using ScottPlot;

namespace Qdcnn.Training;

/// <summary>
/// PNG learning curves (ScottPlot, headless): training loss on the right axis; training and validation
/// accuracy on the left; averaged over seeds. Under the paper protocol the per-epoch test accuracy is
/// drawn too, labelled as such; the selected epoch of each seed is marked with a vertical line.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Renders the curves of <paramref name="runs"/> (same epoch count) to <paramref name="path"/> (atomic).</summary>
    public static void Save(string path, string title, IReadOnlyList<IReadOnlyList<EpochMetrics>> runs, IReadOnlyList<int> selectedEpochs,
        int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0 || runs[0].Count == 0) throw new ArgumentException("No epochs to plot.", nameof(runs));
        int epochs = runs.Min(r => r.Count);
        double[] x = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        double[] Mean(Func<EpochMetrics, double> pick) =>
            Enumerable.Range(0, epochs).Select(i => runs.Average(r => pick(r[i]))).ToArray();

        var plot = new Plot();
        var trainAccuracy = plot.Add.Scatter(x, Mean(m => m.TrainAccuracy));
        trainAccuracy.LegendText = "train accuracy";
        var validationAccuracy = plot.Add.Scatter(x, Mean(m => m.ValidationAccuracy));
        validationAccuracy.LegendText = "validation accuracy (selection)";
        if (runs.All(r => r.Take(epochs).All(m => m.PaperProtocolTestAccuracy is not null)))
        {
            var test = plot.Add.Scatter(x, Mean(m => m.PaperProtocolTestAccuracy!.Value));
            test.LegendText = "test accuracy per epoch — " + Experiment.PaperProtocolLabel;
            test.LinePattern = LinePattern.Dashed;
        }
        var loss = plot.Add.Scatter(x, Mean(m => m.TrainLoss));
        loss.LegendText = "train loss (right axis)";
        loss.Axes.YAxis = plot.Axes.Right;
        foreach (int selected in selectedEpochs.Distinct())
        {
            var line = plot.Add.VerticalLine(selected);
            line.LineColor = Colors.Gray;
            line.LinePattern = LinePattern.Dotted;
        }
        plot.Title(title);
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "accuracy";
        plot.Axes.Right.Label.Text = "loss";
        plot.Axes.SetLimitsY(0, 1.05, plot.Axes.Left);
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }
}
