using Qdcnn.Text.Data;

namespace Qdcnn.Training.Tests;

public class DataSourceTests
{
    [Fact]
    public void NothingMeansTheEmbeddedCorpus()
    {
        var (splits, description) = DataSource.Load(null);
        Assert.Equal(200, splits.Train.Count);
        Assert.Equal(60, splits.Dev!.Count);
        Assert.Equal(100, splits.Test.Count);
        Assert.Contains("embedded", description);
    }

    [Fact]
    public void ASingleFileIsSplitIntoTrainAndTest()
    {
        using var folder = new TempFolder();
        var corpus = TinyData.Corpus(train: 50, dev: 0, test: 10);
        string file = folder.WriteCsv("all.csv", corpus.Train);
        var (splits, _) = DataSource.Load(file);
        Assert.Equal(50, splits.Train.Count + splits.Test.Count);
        Assert.Equal(10, splits.Test.Count);
        Assert.Null(splits.Dev);
        Assert.Equal(50, DataSource.LoadEvaluationSet(file).Count);
    }

    [Fact]
    public void AFolderIsReadByTheFolderRuleAndEvaluationUsesItsTestSplit()
    {
        using var folder = new TempFolder();
        folder.WriteCorpus("d", new CorpusOptions { TrainSize = 20, DevSize = 6, TestSize = 8 });
        var (splits, _) = DataSource.Load(folder["d"]);
        Assert.Equal(20, splits.Train.Count);
        Assert.Equal(8, DataSource.LoadEvaluationSet(folder["d"]).Count);
    }

    [Fact]
    public void AMissingPathIsADatasetErrorNamingIt()
    {
        var ex = Assert.Throws<DatasetException>(() => DataSource.Load("/no/such/data.csv"));
        Assert.Contains("/no/such/data.csv", ex.Message);
    }

    [Fact]
    public void UciWithoutCacheSaysHowToFetch()
    {
        using var folder = new TempFolder();
        var ex = Assert.Throws<DatasetException>(() => DataSource.Load("uci-sentences", folder.Path));
        Assert.Contains("qdcnn data fetch uci-sentences", ex.Message);
    }
}
