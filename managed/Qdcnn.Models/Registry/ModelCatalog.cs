using Qdcnn.Models.Classical;
using Qdcnn.Models.Quantum;

namespace Qdcnn.Models;

/// <summary>
/// The one table of every model Qdcnn can build. To add a model, add one line to <see cref="Entries"/>;
/// <see cref="ModelFactory"/>, the CLI's <c>--model</c> option and its help read this table.
/// </summary>
public static class ModelCatalog
{
    /// <summary>All registered models, in the order help texts list them.</summary>
    public static IReadOnlyList<ModelRegistration> Entries { get; } =
    [
        new(MsffQDConv.RegistryName, "MSFF-QDConv: quantum word + sentence branches, depthwise quantum conv shared by all channels", true,
            config => new MsffQDConv(config)),
        new(MsffQConv.RegistryName, "MSFF-QConv: as MSFF-QDConv with standard quantum convs (n² kernels; no-depthwise ablation)", true,
            config => new MsffQConv(config)),
        new(MsffWord.RegistryName, "Word-branch-only MSFF-QDConv (no sentence branch, no fusion)", true,
            config => new MsffWord(config)),
        new(MsffSentence.RegistryName, "Sentence-branch-only MSFF-QDConv (TF-IDF quantum embedding, no fusion)", true,
            config => new MsffSentence(config)),
        new(MsffDConv.RegistryName, "Classical MSFF with a depthwise Conv1d(1,1,3) kernel shared by all channels", false,
            config => new MsffDConv(config)),
        new(MsffConv.RegistryName, "Classical MSFF with a standard Conv1d(n,n,3) (no depthwise)", false,
            config => new MsffConv(config)),
        new(TextCnn.RegistryName, "Kim's TextCNN: widths 3/4/5, max-over-time pooling, dropout", false,
            config => new TextCnn(config)),
        new(TfIdfLogisticRegression.RegistryName, "Logistic regression on the TF-IDF vector", false,
            config => new TfIdfLogisticRegression(config)),
        .. QdcnnVariants.Registrations,
    ];
}
