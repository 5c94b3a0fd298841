namespace Qdcnn.Models.Classical;

/// <summary>
/// MSFF-Conv: the classical MSFF without depthwise convolution — a standard Conv1d(n, n, 3) per layer
/// (<see cref="StandardConv1d"/>). Parameters: 2·V·n + n + L·(n²·k + n) + n·C + C = 287 for MC and 1703 for RP.
/// </summary>
public sealed class MsffConv : MsffClassicalModel
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "msff-conv";

    /// <summary>Builds a seeded model.</summary>
    public MsffConv(ModelConfig config)
        : base(RegistryName, config, (channels, c) => new StandardConv1d(channels, c.KernelSize, c.Dtype))
    {
    }
}
