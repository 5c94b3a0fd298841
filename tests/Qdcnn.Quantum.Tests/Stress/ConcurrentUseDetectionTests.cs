using Xunit.Abstractions;
using Qdcnn.Interop;

namespace Qdcnn.Quantum.Tests.Stress;

/// <summary>
/// One simulator used from two threads at once is unsupported; the library detects the overlap of
/// two calls on one handle and reports QDCNN_ERROR_CONCURRENT_USE. Whether the two calls overlap
/// depends on scheduling, so the test races until it sees the detection (or a bound), and checks
/// only what is guaranteed: no crash, and every call either succeeds with the right result or fails
/// with that clear exception.
/// </summary>
public sealed class ConcurrentUseDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RacingTwoThreadsOnOneSimulatorGivesCorrectResultsOrTheConcurrentUseError()
    {
        // Large enough (16 qubits × batch 4) that one call lasts milliseconds, so overlaps are common.
        using var circuit = RandomLayerCircuit.Create(seed: 11, qubits: 16, layers: 2, batch: 4);
        double[] expected;
        using (var reference = new Simulator()) expected = circuit.Forward(reference);

        using var shared = new Simulator();
        var detections = new List<QdcnnNativeException>();
        int successes = 0;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        for (int round = 0; round < 200 && detections.Count == 0 && DateTime.UtcNow < deadline; round++)
        {
            using var start = new Barrier(2);
            var racers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                try
                {
                    double[] outputs = circuit.Forward(shared);
                    Assert.Equal(expected, outputs);
                    Interlocked.Increment(ref successes);
                }
                catch (QdcnnNativeException e)
                {
                    lock (detections) detections.Add(e);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(racers);
        }

        output.WriteLine($"{successes} successful calls, {detections.Count} detected overlaps");
        Assert.All(detections, e =>
        {
            Assert.Equal(QdcnnStatus.ErrorConcurrentUse, e.Status);
            Assert.Contains("QDCNN_ERROR_CONCURRENT_USE", e.Message);
            Assert.Contains("simulator", e.Message);
        });
        Assert.True(successes > 0, "at least the winner of each race must succeed");
        // After the race the simulator is usable again: the busy flag was released by both calls.
        Assert.Equal(expected, circuit.Forward(shared));
    }

    [Fact]
    public async Task OneStateUsedFromTwoThreadsIsDetectedOrHarmless()
    {
        using var circuit = new Circuit(18);
        for (int layer = 0; layer < 4; layer++)
            for (int q = 0; q < 18; q++) circuit.RY(q, 0.1 * (q + 1)).Cnot(q, (q + 1) % 18);
        using var state = new StateVector(18);
        int detected = 0, succeeded = 0;
        for (int round = 0; round < 50 && detected == 0; round++)
        {
            using var start = new Barrier(2);
            var racers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
            {
                using var simulator = new Simulator();
                start.SignalAndWait();
                try
                {
                    simulator.Run(circuit, state);
                    Interlocked.Increment(ref succeeded);
                }
                catch (QdcnnNativeException e) when (e.Status == QdcnnStatus.ErrorConcurrentUse)
                {
                    Assert.Contains("state", e.Message);
                    Interlocked.Increment(ref detected);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(racers);
        }
        output.WriteLine($"{succeeded} successful runs, {detected} detected overlaps");
        Assert.True(succeeded > 0, "the first of two overlapping runs always succeeds");
    }
}
