using Qdcnn.Quantum;

namespace Qdcnn.Torch;

/// <summary>
/// How quantum layers run their circuits while a <see cref="QuantumExecutionContext"/> is active: under a noise
/// model, with a finite shot budget and a seed. With no noise model and no shots the results equal the exact
/// forward pass (up to rounding). The noise model is not owned: the caller keeps it alive while the context is active.
/// </summary>
public sealed record QuantumExecutionOptions
{
    /// <summary>Channels applied after the gates and readout error; null = noiseless.</summary>
    public NoiseModel? Noise { get; init; }

    /// <summary>Simulation method; null = auto: density matrix for circuits of at most
    /// <see cref="NoiseModel.MaxDensityMatrixQubits"/> qubits, trajectories above.</summary>
    public NoiseMethod? Method { get; init; }

    /// <summary>Trajectories per sample when the trajectory method runs (≥ 1).</summary>
    public long Trajectories { get; init; } = 100;

    /// <summary>0: exact expectation values; otherwise each output is estimated from this many shots per sample.</summary>
    public long Shots { get; init; }

    /// <summary>Seeds trajectories and shots. Each circuit evaluation of a forward pass draws from its own stream,
    /// derived from this seed and the evaluation's position in the pass, so a fixed seed gives fixed results.</summary>
    public ulong Seed { get; init; }

    /// <summary>The method used for a circuit on <paramref name="qubits"/> qubits.</summary>
    public NoiseMethod MethodFor(int qubits) =>
        Method ?? (qubits <= NoiseModel.MaxDensityMatrixQubits ? NoiseMethod.DensityMatrix : NoiseMethod.Trajectories);

    /// <summary>Checks the values that do not depend on a circuit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Trajectories &lt; 1 or shots &lt; 0.</exception>
    public void Validate()
    {
        if (Trajectories < 1)
            throw new ArgumentOutOfRangeException(nameof(Trajectories), Trajectories, "At least one trajectory per sample is needed.");
        if (Shots < 0)
            throw new ArgumentOutOfRangeException(nameof(Shots), Shots, "Shots must be 0 (exact) or positive.");
    }
}
