using Qdcnn.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Training.Tests;

public class EncodedDatasetTests
{
    private static EncodedText Sample() => new(3, 2, 4,
        [2, 3, 0, 1, 3, 3],
        [0.1, 0.2, 0.3, 0.4, 1, 2, 3, 4, -1, -2, -3, -4]);

    [Fact]
    public void Float64ConversionKeepsShapesAndValues()
    {
        using var data = EncodedDataset.From(Sample(), [0, 1, 1]);
        Assert.Equal(new long[] { 3, 2 }, data.TokenIds.shape);
        Assert.Equal(ScalarType.Int64, data.TokenIds.dtype);
        Assert.Equal(new long[] { 3, 4 }, data.TfIdf.shape);
        Assert.Equal(ScalarType.Float64, data.TfIdf.dtype);
        Assert.Equal(new long[] { 2, 3, 0, 1, 3, 3 }, data.TokenIds.data<long>().ToArray());
        Assert.Equal(Sample().TfIdf, data.TfIdf.data<double>().ToArray());
        Assert.Equal(new long[] { 0, 1, 1 }, data.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Float32ConversionRoundsEachValue()
    {
        using var data = EncodedDataset.From(Sample(), [0, 1, 1], ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, data.TfIdf.dtype);
        Assert.Equal(Sample().TfIdf.Select(v => (float)v).ToArray(), data.TfIdf.data<float>().ToArray());
    }

    [Fact]
    public void BatchGathersTheRequestedRows()
    {
        using var data = EncodedDataset.From(Sample(), [0, 1, 1]);
        using var scope = NewDisposeScope();
        var indices = torch.tensor(new long[] { 2, 0 });
        var batch = data.Batch(indices);
        Assert.Equal(2, batch.Size);
        Assert.Equal(new long[] { 3, 3, 2, 3 }, batch.TokenIds.data<long>().ToArray());
        Assert.Equal(new double[] { -1, -2, -3, -4, 0.1, 0.2, 0.3, 0.4 }, batch.TfIdf.data<double>().ToArray());
        Assert.Equal(new long[] { 1, 0 }, data.LabelsAt(indices).data<long>().ToArray());
    }

    [Fact]
    public void MismatchedLabelCountIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => EncodedDataset.From(Sample(), [0, 1]));
        Assert.Contains("2 class indices for 3", ex.Message);
    }

    [Fact]
    public void IntegerDtypeIsRejected()
    {
        Assert.Throws<ArgumentException>(() => EncodedDataset.From(Sample(), [0, 1, 1], ScalarType.Int32));
    }
}
