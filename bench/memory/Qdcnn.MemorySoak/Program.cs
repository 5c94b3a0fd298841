using System.Globalization;
using Qdcnn.MemorySoak;
using Qdcnn.Text.Data;
using Qdcnn.Training;
using TorchSharp;

// Usage: dotnet run -c Release --project bench/memory/Qdcnn.MemorySoak -- [epochs=1000] [every=50] [model=msff-qdconv]
// Trains on the embedded generated corpus (no downloaded data) with the embedded preset, in one Trainer.Fit call,
// and prints VmRSS / VmHWM and TorchSharp's live tensor counts every `every` epochs.
int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
int every = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
string model = args.Length > 2 ? args[2] : "msff-qdconv";
if (epochs < 1 || every < 1) throw new ArgumentOutOfRangeException(nameof(args), "epochs and every must be positive.");

var splits = CorpusGenerator.Generate(new CorpusOptions());
var preset = TrainingPreset.Embedded;
var settings = new ExperimentSettings(model, preset, preset.Training with { Epochs = epochs }, preset.Pipeline);

var start = ProcessMemory.Read();
Console.WriteLine($"model {model}, {splits.Train.Count} training sentences, {epochs} epochs; start RSS {start.RssKiB / 1024.0:F1} MiB");
Console.WriteLine("epoch  rss_MiB  peak_MiB  gc_heap_MiB  gen0_GCs  live_tensors_thread  live_tensors_process  train_loss");
var samples = new List<(int Epoch, long Rss)>();
using var run = Experiment.Run(splits, settings, seed: 1, onEpoch: metrics =>
{
    if (metrics.Epoch % every != 0 && metrics.Epoch != 1) return;
    var (rss, peak) = ProcessMemory.Read();
    samples.Add((metrics.Epoch, rss));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{metrics.Epoch,5}  {rss / 1024.0,7:F1}  {peak / 1024.0,8:F1}  {GC.GetTotalMemory(false) / 1048576.0,11:F1}  {GC.CollectionCount(0),8}  {DisposeScopeManager.Statistics.ThreadTotalLiveCount,19}  {torch.Tensor.TotalCount,20}  {metrics.TrainLoss,10:F4}"));
});

var end = ProcessMemory.Read();
var first = samples.First(s => s.Epoch >= Math.Min(every, epochs));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RSS at epoch {first.Epoch}: {first.Rss / 1024.0:F1} MiB; at epoch {samples[^1].Epoch}: {samples[^1].Rss / 1024.0:F1} MiB " +
    $"({(samples[^1].Rss - first.Rss) / 1024.0:+0.0;-0.0} MiB); peak VmHWM {end.PeakKiB / 1024.0:F1} MiB; " +
    $"selected epoch {run.SelectedEpoch}, test accuracy {run.SelectedTest.Accuracy:P1}"));
