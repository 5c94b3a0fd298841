using Qdcnn.Torch;

namespace Qdcnn.Models.Quantum;

/// <summary>A quantum classifier that reports the gates it executes to classify one sentence.</summary>
public interface IQdcnnGateCounted
{
    /// <summary>
    /// Gates of every circuit evaluation needed for one sentence of <see cref="ModelConfig.SeqLen"/> tokens (each
    /// token's embedding counted once per position, as without the distinct-token cache).
    /// </summary>
    GateTally GatesPerSentence { get; }
}

/// <summary>Gate tallies of the existing MSFF circuits (<see cref="MsffCircuits"/>), from their definitions.</summary>
public static class MsffGateCounts
{
    /// <summary>Embedding: optional H on n qubits, rep layers of n RY and n CNOT.</summary>
    public static GateTally Embedding(int qubits, int layers, bool hadamard) =>
        new((hadamard ? qubits : 0) + (long)layers * qubits, (long)layers * qubits, 0);

    /// <summary>Fully connected: n RY encodings, n + 1 RY and n + 1 CNOT.</summary>
    public static GateTally FullyConnected(int qubits) => new(2L * qubits + 1, qubits + 1, 0);
}
