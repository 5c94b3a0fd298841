using System.Globalization;
using Qdcnn.Training;
using Spectre.Console;

namespace Qdcnn.Cli;

/// <summary>
/// Shows training progress: a Spectre.Console progress bar per run on a terminal, one plain line per
/// epoch when output is redirected (logs, pipes, tests).
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/> once per item, giving it an epoch callback that reports progress.</summary>
    public static void ForRuns<T>(CliContext context, IReadOnlyList<T> items, Func<T, string> describe, int epochs,
        Action<T, Action<EpochMetrics>> work)
    {
        if (context.Interactive)
        {
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    foreach (var item in items)
                    {
                        var task = progress.AddTask(Markup.Escape(describe(item)), maxValue: epochs);
                        work(item, m =>
                        {
                            task.Increment(1);
                            task.Description = Markup.Escape($"{describe(item)}  val {m.ValidationAccuracy:P1}  loss {m.TrainLoss:F4}");
                        });
                        task.StopTask();
                    }
                });
            return;
        }
        foreach (var item in items)
        {
            string name = describe(item);
            work(item, m => context.Output.WriteLine(EpochLine(name, m, epochs)));
        }
    }

    private static string EpochLine(string name, EpochMetrics m, int epochs)
    {
        var inv = CultureInfo.InvariantCulture;
        string line = string.Create(inv,
            $"{name}  epoch {m.Epoch,3}/{epochs}  train loss {m.TrainLoss:F4}  train acc {m.TrainAccuracy:P1}  val acc {m.ValidationAccuracy:P1}");
        if (m.PaperProtocolTestAccuracy is double t)
            line += string.Create(inv, $"  test acc {t:P1} [{Experiment.PaperProtocolLabel}]");
        return line + string.Create(inv, $"  ({m.Seconds:F2} s)");
    }
}
