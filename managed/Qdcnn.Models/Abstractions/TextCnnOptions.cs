namespace Qdcnn.Models;

/// <summary>
/// Hyper-parameters of Kim's TextCNN baseline (Kim 2014, "CNN-rand" variant: randomly initialised
/// embeddings, convolutions of several widths, max-over-time pooling, dropout, linear classifier).
/// Defaults are scaled down from Kim's 300-dim / 100-filter setting for the small MC/RP corpora.
/// </summary>
public sealed record TextCnnOptions
{
    /// <summary>Word embedding size.</summary>
    public int EmbeddingDim { get; init; } = 64;

    /// <summary>Convolution filters per width.</summary>
    public int FiltersPerWidth { get; init; } = 32;

    /// <summary>Filter widths (Kim: 3, 4, 5). Sequences shorter than the widest filter are padded with PAD.</summary>
    public IReadOnlyList<int> FilterWidths { get; init; } = [3, 4, 5];

    /// <summary>Dropout probability before the classifier (training mode only).</summary>
    public double Dropout { get; init; } = 0.5;
}
