using Qdcnn.Models.Classical;

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
        // Quantum MSFF models (msff-qdconv, msff-qconv, msff-word, msff-sentence) are added here
        // together with their MsffQ*.cs classes.
        new(MsffDConv.RegistryName, "Classical MSFF with a depthwise Conv1d(1,1,3) kernel shared by all channels", false,
            config => new MsffDConv(config)),
        new(MsffConv.RegistryName, "Classical MSFF with a standard Conv1d(n,n,3) (no depthwise)", false,
            config => new MsffConv(config)),
        new(TextCnn.RegistryName, "Kim's TextCNN: widths 3/4/5, max-over-time pooling, dropout", false,
            config => new TextCnn(config)),
        new(TfIdfLogisticRegression.RegistryName, "Logistic regression on the TF-IDF vector", false,
            config => new TfIdfLogisticRegression(config)),
    ];
}
