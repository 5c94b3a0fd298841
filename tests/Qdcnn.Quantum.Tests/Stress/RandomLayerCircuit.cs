namespace Qdcnn.Quantum.Tests.Stress;

/// <summary>
/// A seeded random layered circuit with its inputs, parameters and output gradients: angle-encoded
/// inputs, then random parameterised rotations and entanglers. The same seed always gives the same
/// circuit and data, so a run can be repeated and compared bit for bit.
/// </summary>
internal sealed class RandomLayerCircuit : IDisposable
{
    private RandomLayerCircuit(Circuit circuit, Observable observable, double[] parameters, double[] inputs,
        double[] gradOutputs, int batch)
    {
        Circuit = circuit;
        Observable = observable;
        Parameters = parameters;
        Inputs = inputs;
        GradOutputs = gradOutputs;
        Batch = batch;
    }

    public Circuit Circuit { get; }
    public Observable Observable { get; }
    public double[] Parameters { get; }
    public double[] Inputs { get; }
    public double[] GradOutputs { get; }
    public int Batch { get; }

    /// <summary>Builds the circuit for <paramref name="seed"/> on <paramref name="qubits"/> qubits with <paramref name="layers"/> layers.</summary>
    public static RandomLayerCircuit Create(int seed, int qubits, int layers, int batch)
    {
        var random = new Random(seed);
        var circuit = new Circuit(qubits);
        try
        {
            for (int q = 0; q < qubits; q++) circuit.RY(q, Angle.Input(q));
            int parameter = 0;
            for (int layer = 0; layer < layers; layer++)
            {
                for (int q = 0; q < qubits; q++)
                {
                    switch (random.Next(3))
                    {
                        case 0: circuit.RX(q, Angle.Parameter(parameter++)); break;
                        case 1: circuit.RY(q, Angle.Parameter(parameter++)); break;
                        default: circuit.RZ(q, Angle.Parameter(parameter++)); break;
                    }
                }
                for (int q = 0; q < qubits; q++)
                {
                    int other = (q + 1 + random.Next(qubits - 1)) % qubits;
                    if (random.Next(2) == 0) circuit.Cnot(q, other);
                    else circuit.CRY(q, other, Angle.Parameter(parameter++));
                }
            }
            var observable = Observable.ZOnEachQubit(qubits);
            double[] parameters = Enumerable.Range(0, parameter).Select(_ => random.NextDouble() * 2 * Math.PI).ToArray();
            double[] inputs = Enumerable.Range(0, batch * qubits).Select(_ => random.NextDouble() * Math.PI).ToArray();
            double[] gradOutputs = Enumerable.Range(0, batch * qubits).Select(_ => random.NextDouble() - 0.5).ToArray();
            return new RandomLayerCircuit(circuit, observable, parameters, inputs, gradOutputs, batch);
        }
        catch
        {
            circuit.Dispose();
            throw;
        }
    }

    /// <summary>One batched forward pass; returns the outputs (batch × qubits).</summary>
    public double[] Forward(Simulator simulator) => simulator.Forward(Circuit, Observable, Parameters, Inputs, Batch);

    /// <summary>One forward and one adjoint backward pass; returns outputs, input gradients and parameter gradients concatenated.</summary>
    public double[] ForwardBackward(Simulator simulator)
    {
        double[] outputs = Forward(simulator);
        var gradients = simulator.Backward(Circuit, Observable, Parameters, Inputs, Batch, GradOutputs);
        return [.. outputs, .. gradients.Inputs, .. gradients.Parameters];
    }

    public void Dispose()
    {
        Observable.Dispose();
        Circuit.Dispose();
    }
}
