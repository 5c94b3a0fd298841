using System.Runtime.InteropServices;
using Qdcnn.Torch;

namespace Qdcnn.Models.Quantum.Chain;

/// <summary>
/// <see cref="QuantumTemplate"/>'s span calls for an element type chosen by a type parameter (double: complex128
/// states, float: complex64 states), so the chain is written once for both precisions. The type tests are constants
/// for the JIT, which removes the branch not taken.
/// </summary>
internal static class TemplateCalls
{
    /// <summary>Batched forward: outputs [batch × OutputCount] for inputs [batch × NumInputs].</summary>
    public static void Forward<T>(QuantumTemplate template, ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, int batch, Span<T> outputs)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            template.Forward(MemoryMarshal.Cast<T, double>(parameters), MemoryMarshal.Cast<T, double>(inputs), batch,
                MemoryMarshal.Cast<T, double>(outputs));
        else if (typeof(T) == typeof(float))
            template.Forward(MemoryMarshal.Cast<T, float>(parameters), MemoryMarshal.Cast<T, float>(inputs), batch,
                MemoryMarshal.Cast<T, float>(outputs));
        else
            throw new NotSupportedException($"Quantum layers run float64 or float32, not {typeof(T).Name}.");
    }

    /// <summary>Adjoint backward: overwrites dL/dinputs and dL/dparameters (either may be empty when not wanted).</summary>
    public static void Backward<T>(QuantumTemplate template, ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, int batch,
        ReadOnlySpan<T> gradOutputs, Span<T> gradInputs, Span<T> gradParameters) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            template.Backward(MemoryMarshal.Cast<T, double>(parameters), MemoryMarshal.Cast<T, double>(inputs), batch,
                MemoryMarshal.Cast<T, double>(gradOutputs), MemoryMarshal.Cast<T, double>(gradInputs),
                MemoryMarshal.Cast<T, double>(gradParameters));
        else if (typeof(T) == typeof(float))
            template.Backward(MemoryMarshal.Cast<T, float>(parameters), MemoryMarshal.Cast<T, float>(inputs), batch,
                MemoryMarshal.Cast<T, float>(gradOutputs), MemoryMarshal.Cast<T, float>(gradInputs),
                MemoryMarshal.Cast<T, float>(gradParameters));
        else
            throw new NotSupportedException($"Quantum layers run float64 or float32, not {typeof(T).Name}.");
    }
}
