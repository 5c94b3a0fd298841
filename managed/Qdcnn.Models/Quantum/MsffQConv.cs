namespace Qdcnn.Models.Quantum;

/// <summary>
/// MSFF-QConv, the no-depthwise ablation: as MSFF-QDConv but each conv layer is a standard quantum convolution with n² kernels. Parameters: 2·rep·n + L·n²·3·depth + n + 1 = 91 (MC) / 666 (RP).
/// </summary>
public sealed class MsffQConv : MsffQuantumModel
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "msff-qconv";

    /// <summary>Builds a seeded model.</summary>
    public MsffQConv(ModelConfig config)
        : base(RegistryName, config, QuantumConvKind.Standard, sentenceBranch: true)
    {
    }
}
