using System.Numerics;
using Qdcnn.Quantum;
using Qdcnn.Torch.Tests.Support;
using static TorchSharp.torch;

namespace Qdcnn.Torch.Tests.Qdcnn;

/// <summary>
/// Quantum pooling halves the register and is a valid channel: after the sentence QCNN, the reduced density matrix
/// of the kept qubits (computed from the managed state vector's amplitudes) has trace 1 and is Hermitian with a
/// non-negative diagonal, and the layer's measured outputs equal Tr(ρ_kept P) for its observables — so dropping
/// (not measuring) the other qubits is exactly the partial trace.
/// </summary>
public class QdcnnPoolingTests
{
    [Theory]
    [InlineData(5, 5, new[] { 3, 2 })]   // MC: 5 → 3 → 2 kept qubits (2 qubits carry 9 real Pauli features ≥ 5)
    [InlineData(7, 7, new[] { 4, 2 })]   // RP: 7 → 4 → 2
    [InlineData(8, 3, new[] { 4, 2 })]   // 8 → 4 → 2 (3 features need 2 qubits)
    [InlineData(13, 13, new[] { 7, 4, 3 })] // UCI-sized: 13 features need 3 qubits; the last stage stops at 3
    public void Pooling_halves_the_register_down_to_the_measured_qubits(int qubits, int outputs, int[] keptPerStage)
    {
        var plan = QcnnPlan.Create(qubits, outputs, pooling: true);
        Assert.Equal(keptPerStage, plan.Stages.Select(s => s.KeptAfter.Count).ToArray());
        foreach (var stage in plan.Stages.Take(plan.Stages.Count - 1))
            Assert.Equal((stage.Active.Count + 1) / 2, stage.KeptAfter.Count); // every full stage halves (rounding up)
        Assert.Equal(outputs, plan.Observables.Count);
        Assert.All(plan.Observables, p => Assert.All(p.Factors, f => Assert.Contains(f.Qubit, plan.MeasuredQubits)));
    }

    [Fact]
    public void Without_pooling_every_stage_convolves_the_whole_register_and_measures_z_of_each_qubit()
    {
        var pooled = QcnnPlan.Create(7, 7, pooling: true);
        var plain = QcnnPlan.Create(7, 7, pooling: false);
        Assert.Equal(pooled.Stages.Count, plain.Stages.Count);
        Assert.All(plain.Stages, s => { Assert.Equal(7, s.Active.Count); Assert.Empty(s.Pairs); });
        Assert.Equal(Enumerable.Range(0, 7), plain.MeasuredQubits);
        Assert.Equal(Enumerable.Range(0, 7).Select(k => $"Z{k}"), plain.Observables.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(98, true)]
    public void Kept_qubits_reduced_state_has_trace_one_and_gives_the_measured_outputs(int vocab, bool hadamard)
    {
        using var g = Seeds.Generator(21);
        int n = QdcnnCircuits.QubitsFor(vocab);
        using var layer = new QuantumSentenceQcnn(vocab, n, pooling: true, hadamard, g);
        double[] parameters = layer.Weights.detach().data<double>().ToArray();
        using var xTensor = Seeds.Uniform([1, vocab], 0.0, 1.0, g);
        double[] inputs = xTensor.data<double>().ToArray();

        using var simulator = new Simulator(Precision.Complex128);
        using var state = simulator.Run(layer.Template.Circuit, parameters, inputs);
        Complex[] amplitudes = state.GetAmplitudes();
        var kept = layer.Plan.MeasuredQubits;
        Assert.True(kept.Count <= (n + 1) / 2);
        Complex[,] rho = ReducedDensityMatrix(amplitudes, n, kept);

        Complex trace = Complex.Zero;
        int dim = rho.GetLength(0);
        for (int a = 0; a < dim; a++)
        {
            trace += rho[a, a];
            Assert.True(rho[a, a].Real >= -1e-14 && Math.Abs(rho[a, a].Imaginary) < 1e-14);
            for (int b = 0; b < dim; b++) Assert.True(Complex.Abs(rho[a, b] - Complex.Conjugate(rho[b, a])) < 1e-13);
        }
        Assert.Equal(1.0, trace.Real, 12);
        Assert.Equal(0.0, trace.Imaginary, 12);

        double[] measured = simulator.Forward(layer.Template.Circuit, layer.Template.Observable, parameters, inputs, 1);
        using var xForward = tensor(inputs, [1, vocab]);
        using var fromLayer = layer.forward(xForward);
        for (int i = 0; i < layer.Plan.Observables.Count; i++)
        {
            double fromRho = Expectation(rho, kept, layer.Plan.Observables[i]);
            Assert.Equal(fromRho, measured[i], 12);
            Assert.Equal(fromRho, fromLayer[0, i].item<double>(), 12);
        }
    }

    [Fact]
    public void Gate_tallies_match_the_native_gate_counts()
    {
        var plan = QcnnPlan.Create(5, 5, pooling: true);
        foreach (var tallied in new[]
                 {
                     QdcnnCircuits.WindowKernel(2, 2), QdcnnCircuits.Pointwise(5, 2), QdcnnCircuits.SentenceQcnn(plan, 19, true),
                     QdcnnCircuits.Fusion(5, 1),
                 })
        {
            using var template = tallied.Template;
            Assert.Equal(template.Circuit.GateCount, tallied.Gates.Total);
        }
    }

    /// <summary>ρ_K[a, b] = Σ_d ψ(a, d) ψ*(b, d); bit i of a is kept[i].</summary>
    private static Complex[,] ReducedDensityMatrix(Complex[] amplitudes, int n, IReadOnlyList<int> kept)
    {
        int dim = 1 << kept.Count;
        var rho = new Complex[dim, dim];
        var dropped = Enumerable.Range(0, n).Where(q => !kept.Contains(q)).ToArray();
        for (int d = 0; d < 1 << dropped.Length; d++)
        for (int a = 0; a < dim; a++)
        for (int b = 0; b < dim; b++)
            rho[a, b] += amplitudes[Index(a, kept, d, dropped)] * Complex.Conjugate(amplitudes[Index(b, kept, d, dropped)]);
        return rho;
    }

    private static int Index(int keptBits, IReadOnlyList<int> kept, int droppedBits, int[] dropped)
    {
        int index = 0;
        for (int i = 0; i < kept.Count; i++) if ((keptBits >> i & 1) != 0) index |= 1 << kept[i];
        for (int i = 0; i < dropped.Length; i++) if ((droppedBits >> i & 1) != 0) index |= 1 << dropped[i];
        return index;
    }

    /// <summary>Tr(ρ P) for a Pauli string on kept qubits.</summary>
    private static double Expectation(Complex[,] rho, IReadOnlyList<int> kept, PauliString pauli)
    {
        int dim = rho.GetLength(0);
        Complex sum = Complex.Zero;
        for (int a = 0; a < dim; a++)
        for (int b = 0; b < dim; b++)
        {
            Complex element = Complex.One; // ⟨b|P|a⟩
            for (int i = 0; i < kept.Count && element != Complex.Zero; i++)
            {
                var letter = pauli.Factors.FirstOrDefault(f => f.Qubit == kept[i]).Pauli;
                element *= Sigma(letter, b >> i & 1, a >> i & 1);
            }
            sum += rho[a, b] * element;
        }
        return sum.Real;
    }

    private static Complex Sigma(Pauli p, int row, int column) => p switch
    {
        Pauli.X => row != column ? 1 : 0,
        Pauli.Y => row == column ? 0 : (row == 0 ? -Complex.ImaginaryOne : Complex.ImaginaryOne),
        Pauli.Z => row != column ? 0 : (row == 0 ? 1 : -1),
        _ => row == column ? 1 : 0,
    };
}
