using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models;

/// <summary>
/// The inputs of one mini-batch of sentences, in the two views every model of the MSFF family reads:
/// padded token ids (word branch) and TF-IDF vectors (sentence branch). Labels are not part of it:
/// a batch is what <c>TextClassifier.forward</c> consumes.
/// </summary>
/// <remarks>
/// The batch does not own its tensors unless <see cref="Dispose"/> is called; it disposes both tensors.
/// Ids follow the spec's vocabulary: <see cref="UnkId"/> = 0, <see cref="PadId"/> = 1, words from 2.
/// </remarks>
public sealed class TextBatch : IDisposable
{
    /// <summary>Id of the unknown-word token.</summary>
    public const long UnkId = 0;

    /// <summary>Id of the padding token (sequences are right-padded with it).</summary>
    public const long PadId = 1;

    /// <summary>Creates a batch after checking shapes and element types.</summary>
    /// <param name="tokenIds">int64 [B, seqLen]: token ids, truncated or right-padded with <see cref="PadId"/>.</param>
    /// <param name="tfIdf">float32 or float64 [B, V]: the normalised TF-IDF vector of each sentence.</param>
    /// <exception cref="ArgumentException">A shape or element type does not match the description above.</exception>
    public TextBatch(Tensor tokenIds, Tensor tfIdf)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        ArgumentNullException.ThrowIfNull(tfIdf);
        if (tokenIds.dim() != 2 || tokenIds.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"tokenIds must be an int64 tensor [B, seqLen]; got {tokenIds.dtype} [{string.Join(", ", tokenIds.shape)}].",
                nameof(tokenIds));
        if (tfIdf.dim() != 2 || (tfIdf.dtype != ScalarType.Float32 && tfIdf.dtype != ScalarType.Float64))
            throw new ArgumentException(
                $"tfIdf must be a float32 or float64 tensor [B, V]; got {tfIdf.dtype} [{string.Join(", ", tfIdf.shape)}].",
                nameof(tfIdf));
        if (tokenIds.shape[0] != tfIdf.shape[0])
            throw new ArgumentException(
                $"tokenIds has {tokenIds.shape[0]} rows but tfIdf has {tfIdf.shape[0]}; both must hold the same sentences.",
                nameof(tfIdf));
        TokenIds = tokenIds;
        TfIdf = tfIdf;
    }

    /// <summary>int64 [B, seqLen] token ids.</summary>
    public Tensor TokenIds { get; }

    /// <summary>float32/float64 [B, V] TF-IDF vectors.</summary>
    public Tensor TfIdf { get; }

    /// <summary>Number of sentences B.</summary>
    public long Size => TokenIds.shape[0];

    /// <summary>Padded sequence length.</summary>
    public long SeqLen => TokenIds.shape[1];

    /// <summary>Vocabulary size V (width of <see cref="TfIdf"/>).</summary>
    public long VocabSize => TfIdf.shape[1];

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        TokenIds.Dispose();
        TfIdf.Dispose();
    }
}
