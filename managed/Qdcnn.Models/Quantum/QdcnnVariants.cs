using Qdcnn.Models.Quantum.Baselines;

namespace Qdcnn.Models.Quantum;

/// <summary>
/// The registry entries of the full quantum deep CNN and its ablations (one switch each), plus the QSANN
/// baseline. <see cref="ModelCatalog"/> includes <see cref="Registrations"/>.
/// </summary>
public static class QdcnnVariants
{
    /// <summary>The full model.</summary>
    public const string Full = "qdcnn-full";

    /// <summary>Without the quantum pointwise convolution.</summary>
    public const string NoPointwise = "qdcnn-no-pointwise";

    /// <summary>Without quantum pooling in the sentence QCNN.</summary>
    public const string NoPooling = "qdcnn-no-pooling";

    /// <summary>Sum fusion instead of quantum fusion.</summary>
    public const string SumFusion = "qdcnn-sum-fusion";

    /// <summary>Word-level branch only.</summary>
    public const string WordOnly = "qdcnn-word";

    /// <summary>Sentence-level branch only.</summary>
    public const string SentenceOnly = "qdcnn-sentence";

    /// <summary>Each variant's name, description and switches, full model first (the ablation order).</summary>
    public static IReadOnlyList<(string Name, string Description, QdcnnOptions Options)> Ablations { get; } =
    [
        (Full, "Full quantum deep CNN: multi-width depthwise separable quantum conv, QCNN sentence branch with quantum pooling, quantum fusion", QdcnnOptions.Full),
        (NoPointwise, "qdcnn-full without the quantum pointwise convolution", QdcnnOptions.Full with { Pointwise = false }),
        (NoPooling, "qdcnn-full without quantum pooling (sentence conv layers on the whole register)", QdcnnOptions.Full with { Pooling = false }),
        (SumFusion, "qdcnn-full with the paper's sum instead of quantum fusion", QdcnnOptions.Full with { Fusion = QdcnnFusion.Sum }),
        (WordOnly, "qdcnn-full, word-level branch only", QdcnnOptions.Full with { Branches = QdcnnBranches.WordOnly }),
        (SentenceOnly, "qdcnn-full, sentence-level branch only", QdcnnOptions.Full with { Branches = QdcnnBranches.SentenceOnly }),
    ];

    /// <summary>Catalog entries: the variants above and QSANN.</summary>
    public static IReadOnlyList<ModelRegistration> Registrations { get; } =
    [
        .. Ablations.Select(a => new ModelRegistration(a.Name, a.Description, true, config => new QdcnnModel(a.Name, config, a.Options))),
        new(Qsann.RegistryName, "QSANN baseline: quantum self-attention (Gaussian-kernel attention on circuit outputs), Li et al. 2022", true,
            config => new Qsann(config)),
    ];
}
