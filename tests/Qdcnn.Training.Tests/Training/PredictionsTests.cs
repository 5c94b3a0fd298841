using static TorchSharp.torch;

namespace Qdcnn.Training.Tests.Training;

/// <summary>The trainer's managed arg-max count against libtorch's argmax/eq/sum, which it replaces.</summary>
public class PredictionsTests
{
    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void Count_correct_equals_torch_argmax_including_ties_and_nan(ScalarType dtype)
    {
        using var generator = new Generator(4, CPU);
        // Rounded to quarters so that equal maxima (ties) are common; a few NaNs as torch.argmax treats them as the maximum.
        using var raw = rand([200, 3], ScalarType.Float64, generator: generator).mul(4).floor().div(4);
        using var nans = rand([200, 3], ScalarType.Float64, generator: generator).lt(0.03);
        using var logits64 = raw.masked_fill(nans, double.NaN);
        using var logits = logits64.to_type(dtype);
        using var labels = randint(0, 3, [200], ScalarType.Int64, generator: generator);
        using var predicted = logits.argmax(1);
        using var hits = predicted.eq(labels).sum();

        Assert.Equal(hits.item<long>(), Predictions.CountCorrect(logits, labels));
        using var transposed = logits.t().contiguous().t(); // a non-contiguous view with the same values
        Assert.Equal(hits.item<long>(), Predictions.CountCorrect(transposed, labels));
    }

    [Fact]
    public void Arg_max_takes_the_first_of_equal_maxima_and_a_nan_wins()
    {
        Assert.Equal(1, Predictions.ArgMax([0.1, 0.5, 0.5]));
        Assert.Equal(2, Predictions.ArgMax([0.1, 0.5, double.NaN, 0.7]));
        Assert.Equal(0, Predictions.ArgMax([double.NaN, double.NaN]));
        Assert.Equal(0, Predictions.ArgMax([3.0]));
    }
}
