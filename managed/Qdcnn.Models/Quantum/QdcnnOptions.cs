namespace Qdcnn.Models.Quantum;

/// <summary>How the word-level and sentence-level features are merged.</summary>
public enum QdcnnFusion
{
    /// <summary>Trainable quantum fusion register (<see cref="Qdcnn.Torch.QuantumFusion"/>).</summary>
    Quantum,

    /// <summary>The paper's element-wise sum.</summary>
    Sum,
}

/// <summary>Which branches the model has.</summary>
public enum QdcnnBranches
{
    /// <summary>Word-level and sentence-level branches, fused.</summary>
    Both,

    /// <summary>Word-level branch only (no fusion).</summary>
    WordOnly,

    /// <summary>Sentence-level branch only (no fusion).</summary>
    SentenceOnly,
}

/// <summary>
/// The switches of the full quantum deep CNN (<see cref="QdcnnModel"/>); every ablation is one of them.
/// The architecture sizes not listed here (vocabulary, n, rep, H, conv layers L, kernel depth) come from
/// <see cref="ModelConfig"/>.
/// </summary>
public sealed record QdcnnOptions
{
    /// <summary>Quantum pointwise convolution after each depthwise convolution (off = depthwise only).</summary>
    public bool Pointwise { get; init; } = true;

    /// <summary>Trainable layers of the pointwise circuit.</summary>
    public int PointwiseLayers { get; init; } = 1;

    /// <summary>Quantum pooling in the sentence QCNN (off = conv layers on the whole register, ⟨Z⟩ of every qubit).</summary>
    public bool Pooling { get; init; } = true;

    /// <summary>Quantum fusion or the paper's sum.</summary>
    public QdcnnFusion Fusion { get; init; } = QdcnnFusion.Quantum;

    /// <summary>Trainable layers of the fusion circuit.</summary>
    public int FusionLayers { get; init; } = 1;

    /// <summary>
    /// Angle-encoding scale of the fusion inputs: RY(scale · x) for features x ∈ [−1, 1]. Default π, so the
    /// features span the whole meridian of the Bloch sphere instead of ±1 rad; chosen over 1 (the earlier default),
    /// and over reading both halves / scaling the classifier input, on validation accuracy only (MC dev, RP held-out
    /// train split, embedded dev; 3 seeds each).
    /// </summary>
    public double FusionInputScale { get; init; } = Math.PI;

    /// <summary>Fusion readout: ⟨Z_k⟩ + ⟨Z_{n+k}⟩ of both halves (true) or ⟨Z_k⟩ of the word half only (false).</summary>
    public bool FusionReadsBothHalves { get; init; }

    /// <summary>Scale applied to the fused features before the classifier's angle encoding.</summary>
    public double ClassifierInputScale { get; init; } = 1.0;

    /// <summary>Branches present.</summary>
    public QdcnnBranches Branches { get; init; } = QdcnnBranches.Both;

    /// <summary>n-gram widths of the word-level convolution (features of the widths are averaged).</summary>
    public IReadOnlyList<int> WordWidths { get; init; } = [2, 3];

    /// <summary>The full model.</summary>
    public static QdcnnOptions Full { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (PointwiseLayers < 1) throw new ArgumentException($"QdcnnOptions.PointwiseLayers must be at least 1; got {PointwiseLayers}.", nameof(PointwiseLayers));
        if (!double.IsFinite(FusionInputScale) || FusionInputScale == 0)
            throw new ArgumentException($"QdcnnOptions.FusionInputScale must be finite and non-zero; got {FusionInputScale}.", nameof(FusionInputScale));
        if (!double.IsFinite(ClassifierInputScale) || ClassifierInputScale == 0)
            throw new ArgumentException($"QdcnnOptions.ClassifierInputScale must be finite and non-zero; got {ClassifierInputScale}.", nameof(ClassifierInputScale));
        if (FusionLayers < 1) throw new ArgumentException($"QdcnnOptions.FusionLayers must be at least 1; got {FusionLayers}.", nameof(FusionLayers));
        if (WordWidths is null || WordWidths.Count == 0 || WordWidths.Any(w => w < 2))
            throw new ArgumentException("QdcnnOptions.WordWidths must hold at least one width, each at least 2.", nameof(WordWidths));
    }
}
