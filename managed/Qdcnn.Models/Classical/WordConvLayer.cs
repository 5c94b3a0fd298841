using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Models.Classical;

/// <summary>
/// One "valid" (no padding, stride 1) convolution layer of the classical MSFF word branch, on
/// [B, n channels, ℓ] → [B, n, ℓ − k + 1], without the ReLU that follows it.
/// Parameters: <c>weight</c> [out, in, k] and <c>bias</c> [out], initialised like PyTorch's Conv1d.
/// </summary>
public abstract class WordConvLayer : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the parameters of a Conv1d(in, out, k) and registers them as <c>weight</c> and <c>bias</c>.</summary>
    protected WordConvLayer(string name, int inChannels, int outChannels, int kernelSize, ScalarType dtype) : base(name)
    {
        Weight = new Parameter(empty([outChannels, inChannels, kernelSize], dtype));
        Bias = new Parameter(empty([outChannels], dtype));
        register_parameter("weight", Weight);
        register_parameter("bias", Bias);
    }

    /// <summary>Kernel weights [out, in, k].</summary>
    public Parameter Weight { get; }

    /// <summary>Bias [out].</summary>
    public Parameter Bias { get; }

    /// <summary>Kernel width k.</summary>
    public long KernelSize => Weight.shape[2];

    /// <summary>Draws weight and bias from U(±1/√(in·k)) with <paramref name="generator"/>.</summary>
    public void Initialize(Generator generator)
    {
        long fanIn = Weight.shape[1] * Weight.shape[2];
        SeededInit.FanInUniform(Weight, fanIn, generator);
        SeededInit.FanInUniform(Bias, fanIn, generator);
    }
}

/// <summary>
/// MSFF-DConv's depthwise convolution: ONE Conv1d(1, 1, k) kernel (k weights + 1 bias) shared by all
/// channels and positions, i.e. each channel is convolved separately with the same kernel. This is what
/// the authors' checkpoints store (<c>conv1d.weights</c> [1, 1, 3, 1]) and what the spec's parameter counts
/// imply (MC: 4 conv parameters; total 211).
/// </summary>
public sealed class SharedKernelDepthwiseConv1d : WordConvLayer
{
    /// <summary>Creates a shared k-wide kernel.</summary>
    public SharedKernelDepthwiseConv1d(int kernelSize, ScalarType dtype)
        : base(nameof(SharedKernelDepthwiseConv1d), 1, 1, kernelSize, dtype)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        long batch = input.shape[0], channels = input.shape[1], length = input.shape[2];
        using var rows = input.reshape(batch * channels, 1, length);
        using var convolved = nn.functional.conv1d(rows, Weight, Bias);
        return convolved.reshape(batch, channels, length - KernelSize + 1);
    }
}

/// <summary>MSFF-Conv's standard convolution: Conv1d(n, n, k), mixing all channels (n²·k + n parameters).</summary>
public sealed class StandardConv1d : WordConvLayer
{
    /// <summary>Creates a Conv1d(channels, channels, k).</summary>
    public StandardConv1d(int channels, int kernelSize, ScalarType dtype)
        : base(nameof(StandardConv1d), channels, channels, kernelSize, dtype)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => nn.functional.conv1d(input, Weight, Bias);
}
