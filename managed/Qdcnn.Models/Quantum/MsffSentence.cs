namespace Qdcnn.Models.Quantum;

/// <summary>
/// Sentence-only ablation of MSFF-QDConv (no word branch, no fusion): quantum embedding of the TF-IDF vector, quantum fully connected layer. Parameters: rep·n + n + 1.
/// </summary>
public sealed class MsffSentence : MsffQuantumModel
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "msff-sentence";

    /// <summary>Builds a seeded model.</summary>
    public MsffSentence(ModelConfig config)
        : base(RegistryName, config, null, sentenceBranch: true)
    {
    }
}
