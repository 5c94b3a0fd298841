using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Torch;

/// <summary>Views of a contiguous CPU tensor's own storage, handed to native code without copies.</summary>
internal static class TensorMemory
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
}
