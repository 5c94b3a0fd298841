using Qdcnn.Quantum;

namespace Qdcnn.Torch;

/// <summary>One convolution (+ pooling) stage of the sentence QCNN.</summary>
/// <param name="Active">Qubits the stage's convolution acts on (all not yet traced out).</param>
/// <param name="Pairs">(dropped, kept) pooling pairs; empty when the plan does not pool.</param>
public sealed record QcnnStage(IReadOnlyList<int> Active, IReadOnlyList<(int Dropped, int Kept)> Pairs)
{
    /// <summary>Qubits still in the register after this stage.</summary>
    public IReadOnlyList<int> KeptAfter => Active.Where(q => Pairs.All(p => p.Dropped != q)).ToList();
}

/// <summary>
/// The layout of the sentence-level QCNN (<see cref="QdcnnCircuits.SentenceQcnn"/>): which qubits each stage
/// convolves and pools, and what is measured at the end.
/// </summary>
/// <remarks>
/// The sentence feature must have <c>outputs</c> values (n, the model width). With pooling, the register is
/// halved stage by stage (qubits at odd positions of the active list are dropped onto their left neighbour)
/// down to the smallest r qubits whose real Pauli strings number at least <c>outputs</c> (all amplitudes are
/// real, so strings with an odd number of Y have zero expectation and are skipped): r = 2 covers up to 9
/// features (Z₀, Z₁, X₀, X₁, Z₀Z₁, …), r = 3 up to 35. The last stage drops only as many qubits as needed to
/// reach r. The feature is the first <c>outputs</c> of those strings on the kept qubits, ordered by weight, then
/// highest letter (Z &lt; X &lt; Y), then qubit order. Without pooling, the same number of stages convolve the whole register and the
/// feature is ⟨Z_k⟩ of qubits k &lt; outputs ("measure all").
/// </remarks>
public sealed record QcnnPlan(int NumQubits, bool Pooling, IReadOnlyList<QcnnStage> Stages, IReadOnlyList<PauliString> Observables)
{
    /// <summary>Qubits measured at the end (the kept register).</summary>
    public IReadOnlyList<int> MeasuredQubits => Stages.Count == 0 ? Enumerable.Range(0, NumQubits).ToList() : Stages[^1].KeptAfter;

    /// <summary>Builds the plan for <paramref name="numQubits"/> qubits and <paramref name="outputs"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">numQubits &lt; 1, or outputs outside 1..numQubits.</exception>
    public static QcnnPlan Create(int numQubits, int outputs, bool pooling)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numQubits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputs, numQubits);
        int target = 1;
        while (RealPauliCount(target) < outputs) target++;
        target = Math.Min(target, numQubits);

        var pooledStages = new List<QcnnStage>();
        var active = Enumerable.Range(0, numQubits).ToList();
        while (active.Count > target)
        {
            int drop = Math.Min(active.Count / 2, active.Count - target);
            var pairs = Enumerable.Range(0, drop).Select(i => (Dropped: active[2 * i + 1], Kept: active[2 * i])).ToList();
            var stage = new QcnnStage(active, pairs);
            pooledStages.Add(stage);
            active = stage.KeptAfter.ToList();
        }
        int stageCount = Math.Max(1, pooledStages.Count);
        if (pooling)
        {
            if (pooledStages.Count == 0) pooledStages.Add(new QcnnStage(active, []));
            var kept = pooledStages[^1].KeptAfter;
            return new QcnnPlan(numQubits, true, pooledStages, RealPaulis(kept).Take(outputs).ToList());
        }
        var all = Enumerable.Range(0, numQubits).ToList();
        var stages = Enumerable.Range(0, stageCount).Select(_ => new QcnnStage(all, [])).ToList();
        return new QcnnPlan(numQubits, false, stages, Enumerable.Range(0, outputs).Select(PauliString.Z).ToList());
    }

    /// <summary>Non-identity Pauli strings on r qubits with an even number of Y: (4^r + 2^r)/2 − 1.</summary>
    public static long RealPauliCount(int r) => ((1L << (2 * r)) + (1L << r)) / 2 - 1;

    /// <summary>The real non-identity Pauli strings on <paramref name="qubits"/>, by weight, then highest letter (Z &lt; X &lt; Y), then qubit order: Z₀, Z₁, X₀, X₁, Z₀Z₁, ….</summary>
    public static IEnumerable<PauliString> RealPaulis(IReadOnlyList<int> qubits)
    {
        Pauli[] letters = [Pauli.I, Pauli.Z, Pauli.X, Pauli.Y];
        int r = qubits.Count;
        var strings = new List<(int Weight, int[] Code)>();
        for (long code = 1; code < 1L << (2 * r); code++)
        {
            var digits = Enumerable.Range(0, r).Select(i => (int)((code >> (2 * i)) & 3)).ToArray();
            if (digits.Count(d => d == 3) % 2 != 0) continue;
            strings.Add((digits.Count(d => d != 0), digits));
        }
        return strings
            .OrderBy(s => s.Weight)
            .ThenBy(s => s.Code.Max())
            .ThenBy(s => string.Concat(s.Code.Reverse().Select(d => (char)('0' + d))), StringComparer.Ordinal)
            .Select(s => new PauliString(s.Code.Select((d, i) => (letters[d], qubits[i])).Where(f => f.Item1 != Pauli.I).ToArray()));
    }
}
