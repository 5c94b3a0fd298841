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
    private const string TemplateKey = "template";
    private const string InputsNeedGradKey = "inputs_need_grad";
    private const string ParametersNeedGradKey = "parameters_need_grad";

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
        ctx.save_data(TemplateKey, template);
        ctx.save_data(InputsNeedGradKey, inputs.requires_grad);
        ctx.save_data(ParametersNeedGradKey, parameters.requires_grad);
        return output;
    }

    /// <summary>One native batched forward call on contiguous tensors → new [B, OutputCount] tensor.</summary>
    private static Tensor Evaluate(QuantumTemplate template, Tensor x, Tensor p)
    {
        int batch = checked((int)x.shape[0]);
        var output = empty([batch, template.OutputCount], x.dtype);

        var pool = template.PoolFor(x.dtype);
        var simulator = pool.Rent();
        try
        {
            if (x.dtype == ScalarType.Float64)
                simulator.Forward(template.Circuit, template.Observable, TensorMemory.Span<double>(p), TensorMemory.Span<double>(x),
                    batch, TensorMemory.Span<double>(output));
            else
                simulator.Forward(template.Circuit, template.Observable, TensorMemory.Span<float>(p), TensorMemory.Span<float>(x),
                    batch, TensorMemory.Span<float>(output));
        }
        finally
        {
            pool.Return(simulator);
        }
        template.CountForward(batch);
        return output;
    }

    /// <summary>Adjoint backward: gradients for (template: none, inputs, parameters).</summary>
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var template = (QuantumTemplate)ctx.get_data(TemplateKey);
        bool inputsNeedGrad = (bool)ctx.get_data(InputsNeedGradKey);
        bool parametersNeedGrad = (bool)ctx.get_data(ParametersNeedGradKey);
        var saved = ctx.get_saved_variables();
        Tensor x = saved[0], p = saved[1];
        Tensor g = grad_output.is_contiguous() && grad_output.dtype == x.dtype ? grad_output : grad_output.to_type(x.dtype).contiguous();
        try
        {
            int batch = checked((int)x.shape[0]);
            Tensor? gradInputs = inputsNeedGrad ? empty_like(x) : null;
            Tensor? gradParameters = parametersNeedGrad ? empty_like(p) : null;
            if (gradInputs is null && gradParameters is null) return [null!, null!, null!];

            var pool = template.PoolFor(x.dtype);
            var simulator = pool.Rent();
            try
            {
                if (x.dtype == ScalarType.Float64)
                    simulator.Backward(template.Circuit, template.Observable, TensorMemory.Span<double>(p), TensorMemory.Span<double>(x),
                        batch, TensorMemory.Span<double>(g),
                        gradInputs is null ? [] : TensorMemory.Span<double>(gradInputs),
                        gradParameters is null ? [] : TensorMemory.Span<double>(gradParameters));
                else
                    simulator.Backward(template.Circuit, template.Observable, TensorMemory.Span<float>(p), TensorMemory.Span<float>(x),
                        batch, TensorMemory.Span<float>(g),
                        gradInputs is null ? [] : TensorMemory.Span<float>(gradInputs),
                        gradParameters is null ? [] : TensorMemory.Span<float>(gradParameters));
            }
            finally
            {
                pool.Return(simulator);
            }
            template.CountBackward();
            return [null!, gradInputs!, gradParameters!];
        }
        finally
        {
            if (!ReferenceEquals(g, grad_output)) g.Dispose();
            x.Dispose();
            p.Dispose();
        }
    }

    private static void Validate(QuantumTemplate template, Tensor inputs, Tensor parameters)
    {
        if (inputs.dtype is not (ScalarType.Float64 or ScalarType.Float32))
            throw new ArgumentException($"inputs must be float64 or float32; got {inputs.dtype}.", nameof(inputs));
        if (parameters.dtype != inputs.dtype)
            throw new ArgumentException($"parameters are {parameters.dtype} but inputs are {inputs.dtype}; both must have one element type.",
                nameof(parameters));
        if (inputs.dim() != 2 || inputs.shape[1] != template.NumInputs)
            throw new ArgumentException(
                $"inputs must be [B, {template.NumInputs}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        if (parameters.dim() != 1 || parameters.shape[0] != template.NumParameters)
            throw new ArgumentException(
                $"parameters must be [{template.NumParameters}]; got [{string.Join(", ", parameters.shape)}].", nameof(parameters));
        if (inputs.device_type != DeviceType.CPU || parameters.device_type != DeviceType.CPU)
            throw new ArgumentException("Quantum layers run on the CPU; move inputs and parameters there first.", nameof(inputs));
    }
}
