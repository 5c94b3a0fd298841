using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>Views of a contiguous CPU tensor's own storage, handed to native code (or read in managed code) without copies.</summary>
public static class TensorMemory
{
    /// <summary>
    /// The elements of <paramref name="tensor"/> (contiguous, CPU, element type <typeparamref name="T"/>) as a span
    /// over the tensor's storage. Valid while the tensor is alive and not resized.
    /// </summary>
    public static Span<T> Span<T>(Tensor tensor) where T : unmanaged
    {
        if (tensor.numel() == 0) return [];
        if (!tensor.is_contiguous())
            throw new ArgumentException("The tensor must be contiguous to be handed to native code.", nameof(tensor));
        if (tensor.device_type != DeviceType.CPU)
            throw new ArgumentException($"Quantum layers run on the CPU; the tensor is on {tensor.device}.", nameof(tensor));
        return MemoryMarshal.Cast<byte, T>(tensor.bytes);
    }

    /// <summary>
    /// <see cref="Span{T}(Tensor)"/> without its own checks, for tensors the caller has already validated or made
    /// (contiguous, CPU, element type <typeparamref name="T"/>): libtorch's accessor still refuses a non-contiguous
    /// or non-CPU tensor. Saves a few P/Invokes per call on the per-call paths of <see cref="QuantumFunction"/>.
    /// </summary>
    internal static Span<T> SpanOfValidated<T>(Tensor tensor) where T : unmanaged => MemoryMarshal.Cast<byte, T>(tensor.bytes);
}
