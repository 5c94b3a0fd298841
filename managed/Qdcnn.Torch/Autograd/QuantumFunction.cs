using Qdcnn.Quantum;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Qdcnn.Torch;

/// <summary>
/// A TorchSharp autograd function that evaluates a <see cref="QuantumTemplate"/> on a whole batch in one
/// native call: forward = <see cref="Simulator.Forward(Circuit, Observable, ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/>,
/// backward = the native adjoint vector-Jacobian product (<c>Simulator.Backward</c>), which returns
/// dL/dinputs per sample and dL/dparameters summed over the batch. No managed per-sample loop.
/// Use <see cref="Apply"/>.
/// </summary>
/// <remarks>
/// Tensors must be on the CPU and of one element type, float64 (complex128 states) or float32 (complex64
/// states, float32 buffers). Contiguous tensors are handed to native code as they are; others are made
/// contiguous first. Gradients are computed only for the tensors that require them.
/// </remarks>
public sealed class QuantumFunction : SingleTensorFunction<QuantumFunction>
{
    // One saved entry per node (a dictionary insert and lookup each): what backward needs besides the saved tensors.
    private const string SavedKey = "quantum";

    private sealed record Saved(QuantumTemplate Template, bool InputsNeedGrad, bool ParametersNeedGrad);

    /// <inheritdoc />
    public override string Name => nameof(QuantumFunction);

    /// <summary>
    /// Outputs [B, <see cref="QuantumTemplate.OutputCount"/>] of <paramref name="template"/> for inputs
    /// [B, <see cref="QuantumTemplate.NumInputs"/>] and parameters [<see cref="QuantumTemplate.NumParameters"/>],
    /// recorded for autograd.
    /// </summary>
    /// <exception cref="ArgumentException">A shape, element type or device does not fit the template.</exception>
    public static Tensor Apply(QuantumTemplate template, Tensor inputs, Tensor parameters)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        Validate(template, inputs, parameters);
        if (QuantumExecutionContext.Current is { } noisy) return NoisyQuantumForward.Apply(template, inputs, parameters, noisy);
        // Nothing to differentiate (evaluation, no_grad): skip the autograd node, which costs far more than a small circuit.
        if (!is_grad_enabled() || (!inputs.requires_grad && !parameters.requires_grad))
        {
            Tensor x = inputs.is_contiguous() ? inputs : inputs.contiguous();
            Tensor p = parameters.is_contiguous() ? parameters : parameters.contiguous();
            try
            {
                return Evaluate(template, x, p);
            }
            finally
            {
                if (!ReferenceEquals(x, inputs)) x.Dispose();
                if (!ReferenceEquals(p, parameters)) p.Dispose();
            }
        }
        return apply(template, inputs, parameters);
    }

    /// <summary>Runs the batched circuit natively (called by autograd through <see cref="Apply"/>).</summary>
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var template = (QuantumTemplate)vars[0];
        var inputs = (Tensor)vars[1];
        var parameters = (Tensor)vars[2];
        Tensor x = inputs.is_contiguous() ? inputs : inputs.contiguous();
        Tensor p = parameters.is_contiguous() ? parameters : parameters.contiguous();
        var output = Evaluate(template, x, p);
        ctx.save_for_backward([x, p]);
        ctx.save_data(SavedKey, new Saved(template, inputs.requires_grad, parameters.requires_grad));
        return output;
    }

    /// <summary>One native batched forward call on contiguous tensors → new [B, OutputCount] tensor.</summary>
    private static Tensor Evaluate(QuantumTemplate template, Tensor x, Tensor p)
    {
        int batch = checked((int)x.size(0));
        var output = empty([batch, template.OutputCount], x.dtype);
        if (x.dtype == ScalarType.Float64)
            template.Forward(Memory<double>(p), Memory<double>(x), batch, Memory<double>(output));
        else
            template.Forward(Memory<float>(p), Memory<float>(x), batch, Memory<float>(output));
        return output;
    }

    /// <summary>Adjoint backward: gradients for (template: none, inputs, parameters).</summary>
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = (Saved)ctx.get_data(SavedKey);
        var tensors = ctx.get_saved_variables();
        Tensor x = tensors[0], p = tensors[1];
        Tensor g = grad_output.is_contiguous() && grad_output.dtype == x.dtype ? grad_output : grad_output.to_type(x.dtype).contiguous();
        try
        {
            if (!saved.InputsNeedGrad && !saved.ParametersNeedGrad) return [null!, null!, null!];
            int batch = checked((int)x.size(0));
            Tensor? gradInputs = saved.InputsNeedGrad ? empty_like(x) : null;
            Tensor? gradParameters = saved.ParametersNeedGrad ? empty_like(p) : null;
            if (x.dtype == ScalarType.Float64)
                saved.Template.Backward(Memory<double>(p), Memory<double>(x), batch, Memory<double>(g),
                    gradInputs is null ? [] : Memory<double>(gradInputs), gradParameters is null ? [] : Memory<double>(gradParameters));
            else
                saved.Template.Backward(Memory<float>(p), Memory<float>(x), batch, Memory<float>(g),
                    gradInputs is null ? [] : Memory<float>(gradInputs), gradParameters is null ? [] : Memory<float>(gradParameters));
            return [null!, gradInputs!, gradParameters!];
        }
        finally
        {
            if (!ReferenceEquals(g, grad_output)) g.Dispose();
            x.Dispose();
            p.Dispose();
        }
    }

    /// <summary>The storage of a tensor this class validated or made (contiguous, CPU, element type T).</summary>
    private static Span<T> Memory<T>(Tensor tensor) where T : unmanaged => TensorMemory.SpanOfValidated<T>(tensor);

    // Uses dim()/size(i) rather than shape: each shape read allocates an array and costs several P/Invokes.
    private static void Validate(QuantumTemplate template, Tensor inputs, Tensor parameters)
    {
        if (inputs.dtype is not (ScalarType.Float64 or ScalarType.Float32))
            throw new ArgumentException($"inputs must be float64 or float32; got {inputs.dtype}.", nameof(inputs));
        if (parameters.dtype != inputs.dtype)
            throw new ArgumentException($"parameters are {parameters.dtype} but inputs are {inputs.dtype}; both must have one element type.",
                nameof(parameters));
        if (inputs.dim() != 2 || inputs.size(1) != template.NumInputs)
            throw new ArgumentException(
                $"inputs must be [B, {template.NumInputs}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        if (parameters.dim() != 1 || parameters.size(0) != template.NumParameters)
            throw new ArgumentException(
                $"parameters must be [{template.NumParameters}]; got [{string.Join(", ", parameters.shape)}].", nameof(parameters));
        if (inputs.device_type != DeviceType.CPU || parameters.device_type != DeviceType.CPU)
            throw new ArgumentException("Quantum layers run on the CPU; move inputs and parameters there first.", nameof(inputs));
    }
}
