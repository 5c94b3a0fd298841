using Qdcnn.Quantum;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>
/// The forward pass of <see cref="QuantumFunction"/> while a <see cref="QuantumExecutionContext"/> scope is
/// active: one native <see cref="NoisySimulation.ForwardNoisy(Simulator, Circuit, Observable, ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, NoiseModel?, NoiseMethod, long, long, ulong)"/>
/// call for the whole batch, in float64 (float32 tensors are converted and the result converted back).
/// No autograd node is recorded: noisy passes are for evaluation.
/// </summary>
public static class NoisyQuantumForward
{
    /// <summary>Outputs [B, OutputCount] of <paramref name="template"/> under <paramref name="scope"/>'s options.</summary>
    /// <exception cref="InvalidOperationException">Gradients are requested (grad mode on and an operand requires grad).</exception>
    public static Tensor Apply(QuantumTemplate template, Tensor inputs, Tensor parameters, QuantumExecutionScope scope)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(scope);
        if (is_grad_enabled() && (inputs.requires_grad || parameters.requires_grad))
            throw new InvalidOperationException(
                "Quantum layers under a noise/shot execution context have no gradients; run the forward pass under torch.no_grad() (evaluation only).");

        var options = scope.Options;
        int batch = checked((int)inputs.shape[0]);
        Tensor x = AsContiguousDouble(inputs), p = AsContiguousDouble(parameters);
        var output = empty([batch, template.OutputCount], ScalarType.Float64);
        ulong seed = scope.NextCall(template, batch);
        var pool = template.PoolFor(ScalarType.Float64);
        var simulator = pool.Rent();
        try
        {
            simulator.ForwardNoisy(template.Circuit, template.Observable, TensorMemory.Span<double>(p), TensorMemory.Span<double>(x),
                batch, TensorMemory.Span<double>(output), options.Noise, options.MethodFor(template.NumQubits), options.Trajectories,
                options.Shots, seed);
        }
        catch
        {
            output.Dispose();
            throw;
        }
        finally
        {
            pool.Return(simulator);
            if (!ReferenceEquals(x, inputs)) x.Dispose();
            if (!ReferenceEquals(p, parameters)) p.Dispose();
        }
        template.CountForward(batch);
        if (inputs.dtype == ScalarType.Float64) return output;
        using (output) return output.to_type(inputs.dtype);
    }

    private static Tensor AsContiguousDouble(Tensor tensor)
    {
        if (tensor.dtype == ScalarType.Float64) return tensor.is_contiguous() ? tensor : tensor.contiguous();
        using var converted = tensor.to_type(ScalarType.Float64);
        return converted.contiguous();
    }
}
