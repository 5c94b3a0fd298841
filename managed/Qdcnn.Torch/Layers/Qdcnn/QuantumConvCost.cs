namespace Qdcnn.Torch;

/// <summary>Parameters and gates of one quantum convolution per output position.</summary>
/// <param name="Name">Which convolution.</param>
/// <param name="Parameters">Trainable angles.</param>
/// <param name="Circuits">Circuit evaluations per output position (all channels).</param>
/// <param name="Gates">Gates executed per output position.</param>
public sealed record QuantumConvCostRow(string Name, long Parameters, long Circuits, GateTally Gates);

/// <summary>
/// Cost of the quantum depthwise separable convolution against the standard quantum convolution of the same
/// width (C² kernels, out[c_out] = Σ_{c_in} K_{c_in,c_out}; <see cref="QuantumConv1d"/> for width 3). Counts come
/// from the circuits as built (<see cref="QdcnnCircuits"/>), not from formulas.
/// </summary>
public static class QuantumConvCost
{
    /// <summary>Rows: standard, depthwise only, depthwise separable (depthwise + pointwise).</summary>
    public static IReadOnlyList<QuantumConvCostRow> Compare(int channels, int width, int depth, int pointwiseLayers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointwiseLayers, 1);
        var kernel = QdcnnCircuits.WindowKernel(width, depth);
        var pointwise = QdcnnCircuits.Pointwise(channels, pointwiseLayers);
        try
        {
            long kernelParameters = (long)width * depth;
            long c = channels;
            return
            [
                new("standard quantum conv (C² kernels)", c * c * kernelParameters, c * c, kernel.Gates * (c * c)),
                new("quantum depthwise conv (C kernels)", c * kernelParameters, c, kernel.Gates * c),
                new("quantum depthwise separable conv (C kernels + pointwise)", c * kernelParameters + pointwise.Template.NumParameters,
                    c + 1, kernel.Gates * c + pointwise.Gates),
            ];
        }
        finally
        {
            kernel.Template.Dispose();
            pointwise.Template.Dispose();
        }
    }
}
