using Qdcnn.Quantum;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// QSANN-style quantum self-attention (Li et al. 2022, "Quantum Self-Attention Neural Networks for Text
/// Classification"): for each token feature x_s ∈ ℝⁿ three parameterised circuits give a query q_s = ⟨Z_0⟩, a key
/// k_s = ⟨Z_0⟩ and a value v_s = (⟨Z_0⟩ … ⟨Z_{n−1}⟩); the Gaussian-kernel attention α_sj ∝ exp(−(q_s − k_j)²)
/// (normalised over the sentence's non-masked tokens j) is computed classically, and y_s = x_s + Σ_j α_sj v_j.
/// Each circuit: RY(x_k) encoding, then per layer RY(θ) on every qubit and a CNOT ring k → k+1 mod n.
/// The three circuits run once each per batch over all B × L tokens.
/// state_dict: <c>query.m_para</c>, <c>key.m_para</c>, <c>value.m_para</c> [layers·n] each.
/// </summary>
public sealed class QuantumSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TalliedTemplate _queryCircuit, _keyCircuit, _valueCircuit;
    private readonly QuantumLayer _query, _key, _value;

    /// <summary>Builds the three circuits, angles U(0, 2π) from <paramref name="generator"/> (query, key, value order).</summary>
    public QuantumSelfAttention(int features, int layers, Generator generator, ScalarType dtype = ScalarType.Float64)
        : base(nameof(QuantumSelfAttention))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        Features = features;
        _queryCircuit = Circuit(features, layers, [0]);
        _keyCircuit = Circuit(features, layers, [0]);
        _valueCircuit = Circuit(features, layers, Enumerable.Range(0, features).ToArray());
        _query = new QuantumLayer(_queryCircuit.Template, generator, dtype);
        _key = new QuantumLayer(_keyCircuit.Template, generator, dtype);
        _value = new QuantumLayer(_valueCircuit.Template, generator, dtype);
        register_module("query", _query);
        register_module("key", _key);
        register_module("value", _value);
    }

    /// <summary>Registration is explicit (see <see cref="QuantumLayer"/>).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>Features n per token (= qubits per circuit).</summary>
    public int Features { get; }

    /// <summary>Gates of the three circuits evaluated per token.</summary>
    public GateTally GatesPerToken => _queryCircuit.Gates + _keyCircuit.Gates + _valueCircuit.Gates;

    /// <summary>
    /// Tokens [B, L, n] and a mask [B, L] (bool, true = a real token; each row needs at least one) → [B, L, n].
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit, or a row has no unmasked token.</exception>
    public override Tensor forward(Tensor tokens, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mask);
        if (tokens.dim() != 3 || tokens.shape[2] != Features || mask.dim() != 2 || mask.shape[0] != tokens.shape[0] || mask.shape[1] != tokens.shape[1]
            || mask.dtype != ScalarType.Bool)
            throw new ArgumentException(
                $"Quantum self-attention needs tokens [B, L, {Features}] and a bool mask [B, L]; got [{string.Join(", ", tokens.shape)}] and {mask.dtype} [{string.Join(", ", mask.shape)}].",
                nameof(tokens));
        using var scope = NewDisposeScope();
        if (!mask.any(1).all().item<bool>()) throw new ArgumentException("Every sentence needs at least one unmasked token.", nameof(mask));
        long batch = tokens.shape[0], length = tokens.shape[1];
        Tensor rows = tokens.reshape(-1, Features);
        Tensor q = _query.forward(rows).view(batch, length);                 // [B, L]
        Tensor k = _key.forward(rows).view(batch, length);                   // [B, L]
        Tensor v = _value.forward(rows).view(batch, length, Features);       // [B, L, n]
        Tensor difference = q.unsqueeze(2) - k.unsqueeze(1);                 // [B, L(s), L(j)]
        Tensor logits = (-difference * difference).masked_fill(mask.logical_not().unsqueeze(1), double.NegativeInfinity);
        Tensor attention = logits.softmax(2);                                // exp(−(q−k)²) normalised over j
        return (tokens + attention.bmm(v)).MoveToOuterDisposeScope();
    }

    private static TalliedTemplate Circuit(int n, int layers, int[] measured)
    {
        var c = new TalliedCircuit(n);
        for (int q = 0; q < n; q++) c.RY(q, Angle.Input(q));
        int parameter = 0;
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < n; q++) c.RY(q, Angle.Parameter(parameter++));
            for (int q = 0; q < n; q++) c.Cnot(q, (q + 1) % n);
        }
        c.Circuit.Declare(parameter, n);
        return new TalliedTemplate(new QuantumTemplate(c.Circuit, Observable.Z(n, measured)), c.Tally);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _queryCircuit.Template.Dispose();
        _keyCircuit.Template.Dispose();
        _valueCircuit.Template.Dispose();
    }
}
