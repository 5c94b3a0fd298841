using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// A module that evaluates quantum circuits and lists them for inspection (diagrams, OpenQASM export, gate
/// counts). Read-only: listing changes nothing. A model's circuits are found by walking its modules: a module
/// implementing this interface lists the circuits of its whole subtree, so its children are not visited again.
/// </summary>
public interface IQuantumCircuitProvider
{
    /// <summary>The circuits this module (with its children) evaluates, named relative to the module.</summary>
    IEnumerable<QuantumCircuitView> QuantumCircuits { get; }
}

/// <summary>One circuit a layer evaluates.</summary>
/// <param name="Name">Name relative to the providing module ("" = the module itself), e.g. <c>kernels.0</c>.</param>
/// <param name="Template">The circuit and observable.</param>
/// <param name="Parameters">The trainable angles bound to the circuit's parameters (float, [NumParameters]); null when the template has none.</param>
/// <param name="AmplitudeInputs">When the circuit starts from the amplitude encoding of inputs[Offset .. Offset + Length): that range; else null.</param>
/// <param name="Listed">False for templates that only re-run listed circuits in another binding (e.g. a kernel bank that
/// binds every kernel's angles as inputs): they count as executions but are not drawn again.</param>
/// <param name="AngleInputs">When trainable angles are fed as inputs (so one batched call runs many kernels): the first
/// such input and the angles [k] bound there; these inputs are reported as parameters. Else null.</param>
public sealed record QuantumCircuitView(string Name, QuantumTemplate Template, Tensor? Parameters,
    (int Offset, int Length)? AmplitudeInputs = null, bool Listed = true, (int Offset, Tensor Values)? AngleInputs = null);
