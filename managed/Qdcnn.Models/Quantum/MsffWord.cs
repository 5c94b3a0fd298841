namespace Qdcnn.Models.Quantum;

/// <summary>
/// Word-only ablation of MSFF-QDConv (no sentence branch, no fusion): quantum word embedding, depthwise quantum convolutions, mean over positions, quantum fully connected layer. Parameters: rep·n + L·3·depth + n + 1.
/// </summary>
public sealed class MsffWord : MsffQuantumModel
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "msff-word";

    /// <summary>Builds a seeded model.</summary>
    public MsffWord(ModelConfig config)
        : base(RegistryName, config, QuantumConvKind.Depthwise, sentenceBranch: false)
    {
    }
}
