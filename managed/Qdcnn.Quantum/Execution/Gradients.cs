namespace Qdcnn.Quantum;

/// <summary>The result of <see cref="Simulator.Backward(Circuit, Observable, double[], double[], int, double[])"/>.</summary>
/// <param name="Inputs">dL/dinputs, batch × NumInputs, row-major.</param>
/// <param name="Parameters">dL/dparameters, NumParameters, summed over the batch.</param>
public sealed record Gradients<T>(T[] Inputs, T[] Parameters);
