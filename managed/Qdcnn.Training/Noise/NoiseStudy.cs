using System.Diagnostics;
using Qdcnn.Quantum;
using Qdcnn.Torch;
using Qdcnn.Training.Circuits;

namespace Qdcnn.Training.Noise;

/// <summary>One cell of a noise study: accuracy at one depolarizing probability and shot budget, over seeds.</summary>
/// <param name="Depolarizing">Depolarizing probability p.</param>
/// <param name="Shots">Shots per output (0 = exact expectations).</param>
/// <param name="Accuracies">Test accuracy per seed run (one value when the cell is deterministic).</param>
/// <param name="Accuracy">Mean ± std over <paramref name="Accuracies"/>.</param>
/// <param name="Seconds">Wall time of the cell.</param>
/// <param name="Unsupported">Why the cell could not be computed (then <paramref name="Accuracies"/> is empty), or null.</param>
public sealed record NoiseStudyCell(double Depolarizing, long Shots, IReadOnlyList<double> Accuracies, MeanStd? Accuracy, double Seconds,
    string? Unsupported = null);

/// <summary>The result of <see cref="NoiseStudy.Run"/>.</summary>
/// <param name="Model">Registry name of the model.</param>
/// <param name="Sentences">Sentences evaluated.</param>
/// <param name="ExactAccuracy">Accuracy of the plain (noiseless, exact) evaluation.</param>
/// <param name="MaxQubits">Largest circuit of the model.</param>
/// <param name="Method">The method used: density-matrix, trajectories (with K) or auto's choice.</param>
/// <param name="Options">The grid.</param>
/// <param name="Cells">One cell per (p, shots), p-major.</param>
public sealed record NoiseStudyResult(string Model, int Sentences, double ExactAccuracy, int MaxQubits, string Method,
    NoiseStudyOptions Options, IReadOnlyList<NoiseStudyCell> Cells);

/// <summary>
/// Evaluates a trained quantum model under depolarizing noise and finite shots: every circuit of the model runs
/// under <see cref="NoiseStudyOptions.ModelFor"/> through <see cref="QuantumExecutionContext"/>, so the study is
/// generic over quantum layers.
/// </summary>
public static class NoiseStudy
{
    /// <summary>Runs the grid on <paramref name="data"/>, reporting each finished cell to <paramref name="progress"/>.</summary>
    /// <exception cref="ArgumentException">The model has no quantum circuits, or the options are invalid.</exception>
    public static NoiseStudyResult Run(TrainedModel trained, EncodedDataset data, NoiseStudyOptions options, Action<NoiseStudyCell>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var circuits = ModelCircuits.Find(trained.Model);
        if (circuits.Count == 0)
            throw new ArgumentException($"Model '{trained.Model.Name}' is classical: it has no quantum circuits to run under noise.", nameof(trained));
        int maxQubits = circuits.Max(c => c.View.Template.NumQubits);
        var probe = new QuantumExecutionOptions { Method = options.Method };
        NoiseMethod used = probe.MethodFor(maxQubits);
        bool allDensity = circuits.All(c => probe.MethodFor(c.View.Template.NumQubits) == NoiseMethod.DensityMatrix);
        string method = used == NoiseMethod.DensityMatrix ? "density matrix"
            : allDensity ? "density matrix" : $"trajectories ({options.Trajectories} per sample{(options.Method is null ? " for circuits above 12 qubits" : "")})";

        double exact = Evaluator.Evaluate(trained.Model, data).Accuracy;
        var cells = new List<NoiseStudyCell>();
        foreach (double p in options.Depolarizing)
        {
            using var noise = options.ModelFor(p);
            foreach (long shots in options.Shots)
            {
                var stopwatch = Stopwatch.StartNew();
                // Exact expectations are deterministic under the density matrix, and under trajectories when no channel can fire.
                bool deterministic = shots == 0 && (allDensity || p == 0);
                var seeds = deterministic ? options.Seeds.Take(1) : options.Seeds;
                var accuracies = new List<double>();
                // Finite shots measure X and Y outputs in their own bases (natively), so every cell is computed.
                foreach (ulong seed in seeds)
                    accuracies.Add(Evaluate(trained, data, new QuantumExecutionOptions
                    {
                        Noise = noise, Method = options.Method, Trajectories = options.Trajectories, Shots = shots, Seed = seed,
                    }).Accuracy);
                var cell = new NoiseStudyCell(p, shots, accuracies, MeanStd.Of(accuracies), stopwatch.Elapsed.TotalSeconds);
                cells.Add(cell);
                progress?.Invoke(cell);
            }
        }
        return new NoiseStudyResult(trained.Model.Name, (int)data.Count, exact, maxQubits, method, options, cells);
    }

    /// <summary>Scores the model with every circuit run under <paramref name="execution"/>.</summary>
    public static Evaluation Evaluate(TrainedModel trained, EncodedDataset data, QuantumExecutionOptions execution)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(execution);
        using var scope = QuantumExecutionContext.Use(execution);
        return Evaluator.Evaluate(trained.Model, data);
    }
}
