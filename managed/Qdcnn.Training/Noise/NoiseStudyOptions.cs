using Qdcnn.Quantum;

namespace Qdcnn.Training.Noise;

/// <summary>
/// The grid of a noise study: depolarizing probabilities × shot budgets × seeds. Noise model for probability p:
/// the one-qubit depolarizing channel with p after every one-qubit gate (on its qubit) and the two-qubit
/// depolarizing channel with p after every two-qubit gate (on both qubits); optionally a symmetric readout error.
/// </summary>
public sealed record NoiseStudyOptions
{
    /// <summary>Depolarizing probabilities, each in [0, 1].</summary>
    public IReadOnlyList<double> Depolarizing { get; init; } = [0, 0.001, 0.01, 0.05];

    /// <summary>Shot budgets per output (0 = exact expectation values).</summary>
    public IReadOnlyList<long> Shots { get; init; } = [0, 1024, 8192];

    /// <summary>Seeds of trajectories and shots (a deterministic cell — density matrix, no shots — is run once).</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = [1];

    /// <summary>Simulation method; null = auto (density matrix up to 12 qubits, trajectories above).</summary>
    public NoiseMethod? Method { get; init; }

    /// <summary>Trajectories per sample for the trajectory method.</summary>
    public long Trajectories { get; init; } = 100;

    /// <summary>Symmetric readout error probability (0 → 1 and 1 → 0) on every qubit; 0 = none.</summary>
    public double Readout { get; init; }

    /// <summary>Checks every value; the message names the offending one.</summary>
    /// <exception cref="ArgumentException">An empty list, a probability outside [0, 1], negative shots or trajectories &lt; 1.</exception>
    public void Validate()
    {
        if (Depolarizing.Count == 0) throw new ArgumentException("No depolarizing probabilities given.", nameof(Depolarizing));
        if (Shots.Count == 0) throw new ArgumentException("No shot budgets given.", nameof(Shots));
        if (Seeds.Count == 0) throw new ArgumentException("No seeds given.", nameof(Seeds));
        foreach (double p in Depolarizing) RequireProbability(p, "depolarizing");
        RequireProbability(Readout, "readout");
        foreach (long s in Shots)
            if (s < 0) throw new ArgumentException($"shots: {s} is negative (0 = exact expectations).", nameof(Shots));
        if (Trajectories < 1) throw new ArgumentException($"trajectories: {Trajectories} is less than 1.", nameof(Trajectories));
    }

    /// <summary>The noise model for depolarizing probability <paramref name="p"/> (the caller disposes it).</summary>
    public NoiseModel ModelFor(double p)
    {
        var model = new NoiseModel()
            .AfterOneQubitGates(NoiseChannel.Depolarizing, p)
            .AfterTwoQubitGates(NoiseChannel.Depolarizing2, p);
        if (Readout > 0) model.DefaultReadoutError(Readout, Readout);
        return model;
    }

    private static void RequireProbability(double p, string name)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"{name}: {p} is not a probability in [0, 1].", name);
    }
}
