namespace Qdcnn.Models.Quantum;

/// <summary>
/// MSFF-QDConv (the paper's model): quantum word branch with the depthwise quantum convolution (one 3-qubit kernel shared by all channels), quantum sentence branch, sum fusion, quantum fully connected layer. Parameters: 2·rep·n + L·3·depth + n + 1 = 19 (MC) / 90 (RP).
/// </summary>
public sealed class MsffQDConv : MsffQuantumModel
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "msff-qdconv";

    /// <summary>Builds a seeded model.</summary>
    public MsffQDConv(ModelConfig config)
        : base(RegistryName, config, QuantumConvKind.Depthwise, sentenceBranch: true)
    {
    }
}
