namespace Qdcnn.Quantum.Tests.Stress;

/// <summary>
/// Many simulators used at once from managed threads (one simulator per task, as documented) give
/// exactly the results of a sequential run; circuits and observables are shared read-only.
/// </summary>
public sealed class ConcurrentSimulatorTests
{
    private const int Tasks = 8, Iterations = 50, Circuits = 4, Qubits = 6, Layers = 3, Batch = 8;

    [Fact]
    public async Task EightTasksOfBatchedForwardBackwardMatchTheSequentialResultsBitForBit()
    {
        var circuits = Enumerable.Range(0, Circuits).Select(i => RandomLayerCircuit.Create(seed: 100 + i, Qubits, Layers, Batch)).ToArray();
        try
        {
            double[][] expected;
            using (var sequential = new Simulator())
                expected = circuits.Select(c => c.ForwardBackward(sequential)).ToArray();

            // Each task owns its simulator and walks the shared circuits in its own order.
            var mismatches = new int[Tasks];
            var workers = Enumerable.Range(0, Tasks).Select(task => Task.Factory.StartNew(() =>
            {
                using var simulator = new Simulator();
                for (int iteration = 0; iteration < Iterations; iteration++)
                {
                    int index = (task + iteration) % Circuits;
                    if (!circuits[index].ForwardBackward(simulator).SequenceEqual(expected[index])) mismatches[task]++;
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(workers);

            Assert.All(mismatches, count => Assert.Equal(0, count));
        }
        finally
        {
            foreach (var circuit in circuits) circuit.Dispose();
        }
    }

    [Fact]
    public void SimulatorsWithWorkerThreadsRunConcurrentlyWithTheSameResults()
    {
        using var circuit = RandomLayerCircuit.Create(seed: 7, qubits: 10, layers: 2, batch: 4);
        double[] expected;
        using (var sequential = new Simulator()) expected = circuit.ForwardBackward(sequential);

        var results = new double[4][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
        {
            using var simulator = new Simulator { Threads = 2 };
            for (int repeat = 0; repeat < 5; repeat++) results[i] = circuit.ForwardBackward(simulator);
        });

        // Thread count may change the summation order of the batch reduction, so compare closely rather than exactly.
        Assert.All(results, r => Assert.Equal(expected, r, (a, b) => Math.Abs(a - b) <= 1e-12));
    }
}
