using Qdcnn.Models;
using Qdcnn.Quantum;
using Qdcnn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training.Circuits;

/// <summary>One circuit of a model as found by <see cref="ModelCircuits.Find"/>.</summary>
/// <param name="Name">Full module path plus the provider's name, e.g. <c>conv1d.kernels.0</c>.</param>
/// <param name="Provider">Module path of the layer that listed it (executions are attributed per layer).</param>
/// <param name="View">The circuit, its bound parameters and its initial-state rule.</param>
public sealed record ModelCircuit(string Name, string Provider, QuantumCircuitView View);

/// <summary>A circuit with every angle bound: its OpenQASM 2.0 text, its gates (angles labelled) and its metrics.</summary>
/// <param name="Circuit">Where it comes from.</param>
/// <param name="Qasm">OpenQASM 2.0 with parameters and inputs bound (an amplitude-encoded start is replaced by a basis state; see <see cref="ModelCircuits.Bind"/>).</param>
/// <param name="Gates">The gates, each angle labelled <c>w&lt;i&gt;</c> (parameter i) or <c>x&lt;i&gt;</c> (input i) when it depends on one.</param>
/// <param name="Metrics">Size of the circuit.</param>
/// <param name="Parameters">The bound parameter values (w0, w1, …; angles fed as inputs follow as further w).</param>
/// <param name="Inputs">The bound input values (x0, x1, …), angles fed as inputs included.</param>
public sealed record BoundCircuit(ModelCircuit Circuit, string Qasm, IReadOnlyList<CircuitGate> Gates, CircuitMetrics Metrics,
    double[] Parameters, double[] Inputs);

/// <summary>
/// Finds the quantum circuits of a model (every module implementing <see cref="IQuantumCircuitProvider"/>) and
/// binds them for export and drawing.
/// </summary>
public static class ModelCircuits
{
    /// <summary>The circuits of <paramref name="model"/>, in module order; none for a classical model.</summary>
    public static IReadOnlyList<ModelCircuit> Find(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var found = new List<ModelCircuit>();
        var providers = new List<string>();
        var modules = new List<(string Name, nn.Module Module)> { ("", model) };
        modules.AddRange(model.named_modules());
        foreach (var (name, module) in modules)
        {
            if (module is not IQuantumCircuitProvider provider) continue;
            if (providers.Any(p => p.Length == 0 || name.StartsWith(p + ".", StringComparison.Ordinal))) continue; // listed by an ancestor
            providers.Add(name);
            foreach (var view in provider.QuantumCircuits)
                found.Add(new ModelCircuit(Join(name, view.Name), name, view));
        }
        return found;
    }

    /// <summary>
    /// Binds <paramref name="circuit"/>: its parameters from the view, its inputs from <paramref name="inputs"/>
    /// (zeros when null). A circuit that starts from an amplitude encoding (not expressible in OpenQASM 2.0) is
    /// exported from the basis state |<paramref name="basisState"/>⟩ instead — what the encoding gives for a one-hot
    /// input such as a word id: the circuit's initial-state rule is switched for the export and restored afterwards,
    /// so this must not run while the model runs a forward pass on another thread.
    /// </summary>
    public static BoundCircuit Bind(ModelCircuit circuit, double[]? inputs = null, ulong basisState = 0)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var template = circuit.View.Template;
        double[] parameters = circuit.View.Parameters is null ? [] : ToDoubles(circuit.View.Parameters);
        double[] x = (double[]?)inputs?.Clone() ?? new double[template.NumInputs];
        if (x.Length != template.NumInputs)
            throw new ArgumentException($"{circuit.Name} takes {template.NumInputs} inputs; got {x.Length}.", nameof(inputs));
        int angleOffset = -1, angleCount = 0;
        if (circuit.View.AngleInputs is { } angleInputs)
        {
            double[] angles = ToDoubles(angleInputs.Values);
            angleOffset = angleInputs.Offset;
            angleCount = angles.Length;
            angles.CopyTo(x, angleOffset);
        }
        string qasm = Export(circuit, parameters, x, basisState);
        var gates = QasmGateReader.Read(qasm).ToList();
        // Label each angle with the parameter or input it depends on: perturb one at a time and see which angles move.
        for (int i = 0; i < parameters.Length; i++)
        {
            var moved = (double[])parameters.Clone();
            moved[i] += 0.5;
            Label(gates, QasmGateReader.Read(Export(circuit, moved, x, basisState)), $"w{i}");
        }
        for (int i = 0; i < x.Length; i++)
        {
            var moved = (double[])x.Clone();
            moved[i] += 0.5;
            bool isAngle = i >= angleOffset && i < angleOffset + angleCount;
            Label(gates, QasmGateReader.Read(Export(circuit, parameters, moved, basisState)),
                isAngle ? $"w{parameters.Length + i - angleOffset}" : $"x{i}");
        }
        var metrics = CircuitMetrics.Of(template.NumQubits, gates, template.NumParameters + angleCount);
        return new BoundCircuit(circuit, qasm, gates, metrics, parameters, x);
    }

    private static string Export(ModelCircuit circuit, double[] parameters, double[] inputs, ulong basisState)
    {
        var view = circuit.View;
        var c = view.Template.Circuit;
        if (view.AmplitudeInputs is not { } amplitudes)
        {
            try
            {
                return c.ToQasm(parameters, inputs);
            }
            catch (Qdcnn.Interop.QdcnnNativeException e)
            {
                throw new InvalidOperationException(
                    $"{circuit.Name}: {e.Message}; its layer does not say which inputs it amplitude-encodes (QuantumCircuitView.AmplitudeInputs), so it cannot be exported.", e);
            }
        }
        c.InitialBasis(basisState);
        try
        {
            return c.ToQasm(parameters, inputs);
        }
        finally
        {
            c.InitialAmplitudesFromInputs(amplitudes.Offset, amplitudes.Length);
        }
    }

    private static void Label(List<CircuitGate> gates, IReadOnlyList<CircuitGate> moved, string symbol)
    {
        if (moved.Count != gates.Count) return; // a structural change (should not happen for angle shifts)
        for (int g = 0; g < gates.Count; g++)
            for (int a = 0; a < gates[g].Angles.Length; a++)
                if (Math.Abs(moved[g].Angles[a] - gates[g].Angles[a]) > 1e-12)
                    gates[g].Labels[a] = symbol;
    }

    private static double[] ToDoubles(Tensor tensor)
    {
        using var _ = no_grad();
        using var d = tensor.detach().to_type(ScalarType.Float64).contiguous();
        return d.data<double>().ToArray();
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}.{b}";
}
