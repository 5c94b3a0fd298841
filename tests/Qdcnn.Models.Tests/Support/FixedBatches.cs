using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Support;

/// <summary>Small deterministic batches for model tests.</summary>
internal static class FixedBatches
{
    /// <summary>
    /// A batch of <paramref name="size"/> sentences for <paramref name="config"/>: ids drawn from a seeded
    /// generator in [2, V), TF-IDF rows of non-negative values normalised to unit length, labels alternating.
    /// </summary>
    public static (TextBatch Batch, Tensor Labels) Create(ModelConfig config, int size, long seed = 7)
    {
        using var generator = new Generator((ulong)seed, CPU);
        var ids = randint(2L, config.VocabSize, new long[] { size, config.SeqLen }, ScalarType.Int64, generator: generator);
        using var raw = rand(new long[] { size, config.VocabSize }, ScalarType.Float64, generator: generator);
        var tfIdf = nn.functional.normalize(raw, p: 2, dim: 1).to_type(config.Dtype);
        var labels = arange(size, ScalarType.Int64).remainder(config.NumClasses);
        return (new TextBatch(ids, tfIdf), labels);
    }
}
