namespace Qdcnn.Models.Classical;

/// <summary>
/// MSFF-DConv: the classical MSFF with a depthwise convolution — one Conv1d(1, 1, 3) kernel shared by all n
/// channels (<see cref="SharedKernelDepthwiseConv1d"/>). Parameters: 2·V·n + n + L·(k + 1) + n·C + C
/// = 211 for MC and 1403 for RP, as in the spec.
/// </summary>
public sealed class MsffDConv : MsffClassicalModel
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "msff-dconv";

    /// <summary>Builds a seeded model.</summary>
    public MsffDConv(ModelConfig config)
        : base(RegistryName, config, (_, c) => new SharedKernelDepthwiseConv1d(c.KernelSize, c.Dtype))
    {
    }
}
