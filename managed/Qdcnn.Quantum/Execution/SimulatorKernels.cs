using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>Which state-vector kernels this CPU and build can run.</summary>
public static unsafe class SimulatorKernels
{
    /// <summary>True if <paramref name="kernel"/> can run here (<see cref="Kernel.Auto"/> always can).</summary>
    public static bool IsAvailable(Kernel kernel)
    {
        int available;
        NativeStatus.Check(NativeMethods.qdcnn_kernel_available((int)kernel, &available));
        return available != 0;
    }

    /// <summary>The concrete kernels available here, scalar first.</summary>
    public static IReadOnlyList<Kernel> Available =>
        new[] { Kernel.Scalar, Kernel.Avx2, Kernel.Avx512 }.Where(IsAvailable).ToArray();

    /// <summary>
    /// What <see cref="Kernel.Auto"/> resolves to: the best available kernel, or the one named by
    /// the environment variable QDCNN_KERNEL.
    /// </summary>
    public static Kernel Default
    {
        get
        {
            int kernel;
            NativeStatus.Check(NativeMethods.qdcnn_kernel_default(&kernel));
            return (Kernel)kernel;
        }
    }
}
