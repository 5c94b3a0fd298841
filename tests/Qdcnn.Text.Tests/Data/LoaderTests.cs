using Qdcnn.Text.Data;

namespace Qdcnn.Text.Tests.Data;

public class LoaderTests
{
    [Fact]
    public void CsvReadsQuotedFieldsBomAndEmbeddedNewlines()
    {
        using var temp = new TempFolder();
        var path = temp.Write("train.csv",
            "label,text\r\n1,plain text\r\n0,\"with, comma and \"\"quotes\"\"\"\r\n\r\nfood,\"two\nlines\"\n1,after\n", bom: true);
        var rows = DatasetLoader.LoadFile(path);
        Assert.Equal(4, rows.Count);
        Assert.Equal(new LabeledSentence("plain text", "1", path, 2), rows[0]);
        Assert.Equal("with, comma and \"quotes\"", rows[1].Text);
        Assert.Equal(("food", "two\nlines", 5), (rows[2].Label, rows[2].Text, rows[2].Line));
        Assert.Equal(7, rows[3].Line);
    }

    [Fact]
    public void CsvFindsColumnsByHeaderName()
    {
        using var temp = new TempFolder();
        var path = temp.Write("x.csv", "id,Text,Label\n7,hello there,pos\n");
        Assert.Equal(new LabeledSentence("hello there", "pos", path, 2), Assert.Single(DatasetLoader.LoadFile(path)));
    }

    [Fact]
    public void TsvReadsOptionalHeaderAndTabs()
    {
        using var temp = new TempFolder();
        var path = temp.Write("test.tsv", "label\ttext\n1\tone\ttab inside\n\n0\tzero\n");
        var rows = DatasetLoader.LoadFile(path);
        Assert.Equal([new LabeledSentence("one\ttab inside", "1", path, 2), new LabeledSentence("zero", "0", path, 4)], rows);
    }

    [Fact]
    public void LambeqReadsLabelThenWhitespaceThenSentence()
    {
        using var temp = new TempFolder();
        var path = temp.Write("mc_train_data.txt", "1  skillful man prepares sauce .\n0 man runs program .\n");
        var rows = DatasetLoader.LoadFile(path);
        Assert.Equal([new LabeledSentence("skillful man prepares sauce .", "1", path, 1), new LabeledSentence("man runs program .", "0", path, 2)], rows);
    }

    [Fact]
    public void JsonReadsClassOrLabelSkipsNullAndNumbersLines()
    {
        using var temp = new TempFolder();
        var path = temp.Write("dev.json", "[\n {\"text\": \"good\", \"class\": 1},\n {\"label\": \"neg\", \"text\": \"bad\", \"extra\": [1, {\"a\": 2}]},\n {\"text\": \"\", \"class\": null}\n]");
        var rows = DatasetLoader.LoadFile(path);
        Assert.Equal([new LabeledSentence("good", "1", path, 2), new LabeledSentence("bad", "neg", path, 3)], rows);
    }

    [Fact]
    public void FolderRuleFindsSplitsByNameAndPrefix()
    {
        using var temp = new TempFolder();
        temp.Write("train.csv", "label,text\na,x y\nb,z w\n");
        temp.Write("test.tsv", "a\tx\nb\tw\n");
        var splits = DatasetLoader.LoadFolder(temp.Path);
        Assert.Null(splits.Dev);
        Assert.Equal([0, 1], splits.TestClasses);

        using var lambeq = new TempFolder();
        lambeq.Write("mc_train_data.txt", "1 a b\n0 c d\n");
        lambeq.Write("mc_test_data.txt", "1 a\n");
        lambeq.Write("mc_dev_data.txt", "0 c\n");
        lambeq.Write("rp_train_data.txt", "1 e\n0 f\n");
        lambeq.Write("rp_test_data.txt", "0 f\n");
        var mc = DatasetLoader.LoadFolder(lambeq.Path, prefix: "mc");
        Assert.Equal(("a b", "c"), (mc.Train[0].Text, mc.Dev![0].Text));
        var ambiguous = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFolder(lambeq.Path));
        Assert.Contains("mc_train_data.txt, rp_train_data.txt", ambiguous.Message);
        Assert.Contains("prefix", ambiguous.Message);
    }

    [Fact]
    public void LabelMapOrdersIntegersNumericallyAndRoundTrips()
    {
        var rows = new[] { "10", "2", "2" }.Select((l, i) => new LabeledSentence("t", l, "f", i + 1)).ToList();
        var map = LabelMap.FromTraining(rows);
        Assert.Equal(["2", "10"], map.Labels);
        Assert.Equal([1, 0, 0], map.Encode(rows));
        Assert.Equal(map.Labels, LabelMap.FromJson(map.ToJson()).Labels);
        var named = LabelMap.FromTraining(new[] { "pos", "neg" }.Select(l => new LabeledSentence("t", l, "f", 1)).ToList());
        Assert.Equal(["neg", "pos"], named.Labels);
    }

    [Fact]
    public void StratifiedSplitIsDeterministicAndKeepsClassProportions()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new LabeledSentence($"s{i}", i < 30 ? "a" : "b", "f", i + 1)).ToList();
        var (kept, held) = StratifiedSplitter.Split(rows, 0.2, seed: 5);
        Assert.Equal(6, held.Count(s => s.Label == "a"));
        Assert.Equal(2, held.Count(s => s.Label == "b"));
        Assert.Equal(40, kept.Count + held.Count);
        Assert.Empty(kept.Intersect(held));
        Assert.Equal(held, StratifiedSplitter.Split(rows, 0.2, seed: 5).HeldOut);
        Assert.NotEqual(held, StratifiedSplitter.Split(rows, 0.2, seed: 6).HeldOut);
    }
}
