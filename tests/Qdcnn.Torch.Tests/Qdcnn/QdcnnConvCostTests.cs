namespace Qdcnn.Torch.Tests.Qdcnn;

/// <summary>The depthwise separable quantum convolution against the standard quantum convolution of the same width.</summary>
public class QdcnnConvCostTests
{
    [Theory]
    [InlineData(5, 3, 1)] // MC
    [InlineData(7, 3, 2)] // RP
    [InlineData(7, 2, 2)]
    public void Depthwise_separable_needs_far_fewer_parameters_and_two_qubit_gates(int channels, int width, int depth)
    {
        var rows = QuantumConvCost.Compare(channels, width, depth, pointwiseLayers: 1);
        var (standard, depthwise, separable) = (rows[0], rows[1], rows[2]);
        long c = channels, kernelParameters = width * depth, kernelCnots = (width - 1) * depth;
        Assert.Equal(c * c * kernelParameters, standard.Parameters);
        Assert.Equal(c * c * kernelCnots, standard.Gates.Cnots);
        Assert.Equal(0, standard.Gates.ControlledRotations);
        Assert.Equal(c * kernelParameters + 2 * c, separable.Parameters);    // + pointwise RY and CRY angles
        Assert.Equal(c * kernelCnots, separable.Gates.Cnots);
        Assert.Equal(c, separable.Gates.ControlledRotations);                // the pointwise CRY ring
        Assert.Equal(c + 1, separable.Circuits);
        Assert.Equal(depthwise.Gates.Cnots, separable.Gates.Cnots);
        Assert.True(separable.Parameters < standard.Parameters / 2);
        Assert.True(separable.Gates.TwoQubit < standard.Gates.TwoQubit);
    }

    [Fact]
    public void Width_three_window_kernel_equals_the_msff_kernel()
    {
        using var g = Support.Seeds.Generator(31);
        var tallied = QdcnnCircuits.WindowKernel(3, 2);
        using var bank = tallied.Template;
        using var msff = MsffCircuits.ConvKernel(2, anglesAsInputs: true);
        using var x = Support.Seeds.Uniform([4, bank.NumInputs], -2, 2, g);
        using var none = TorchSharp.torch.empty([0], TorchSharp.torch.ScalarType.Float64);
        using var ours = QuantumFunction.Apply(bank, x, none);
        using var theirs = QuantumFunction.Apply(msff, x, none);
        Assert.True(ours.allclose(theirs, 0, 1e-12));
    }
}
