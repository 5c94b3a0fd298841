using Qdcnn.Text.Data;

namespace Qdcnn.Text.Tests.Data;

/// <summary>Every loader error names the file and (where one exists) the line.</summary>
public class LoaderErrorTests
{
    private static DatasetException Fails(string path)
    {
        var e = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFile(path));
        Assert.Equal(path, e.File);
        Assert.StartsWith(path, e.Message);
        return e;
    }

    private static void AssertLine(DatasetException e, int line, string reason)
    {
        Assert.Equal(line, e.Line);
        Assert.Contains($":{line}: ", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void MissingFile()
    {
        using var temp = new TempFolder();
        var e = Fails(Path.Combine(temp.Path, "train.csv"));
        Assert.Null(e.Line);
        Assert.Contains("does not exist", e.Message);
    }

    [Theory]
    [InlineData("train.csv", "")]
    [InlineData("train.tsv", "\n  \n")]
    [InlineData("train.json", "")]
    [InlineData("train.txt", "\r\n")]
    public void EmptyFile(string name, string content)
    {
        using var temp = new TempFolder();
        AssertLine(Fails(temp.Write(name, content, bom: true)), 1, "empty");
    }

    [Fact]
    public void HeaderOnlyCsvIsEmpty()
    {
        using var temp = new TempFolder();
        AssertLine(Fails(temp.Write("a.csv", "label,text\n")), 1, "no rows");
    }

    [Theory]
    [InlineData("a.csv", "label,text\n1,ok\n0,too,many\n", 3, "3 field(s)")]
    [InlineData("a.csv", "label,text\n1,ok\n0,\"never closed\n", 3, "never closed")]
    [InlineData("a.csv", "label,text\n1,\"x\"y\n", 2, "after a closing quote")]
    [InlineData("a.csv", "name,sentence\n1,x\n", 1, "header must name")]
    [InlineData("a.csv", "label,text\n1,ok\n,no label\n", 3, "label is empty")]
    [InlineData("a.csv", "label,text\n1,ok\n0,  \n", 3, "text is empty")]
    [InlineData("a.tsv", "1\tok\n0 no tab\n", 2, "no tab")]
    [InlineData("a.txt", "1  fine .\n\nlonely\n", 3, "one word only")]
    [InlineData("a.json", "[\n{\"text\": \"ok\", \"class\": 1},\n{\"text\": \"x\"}\n]", 3, "no \"class\" or \"label\"")]
    [InlineData("a.json", "[\n{\"text\": \"ok\", \"class\": 1},\n{\"class\": 0}\n]", 3, "no \"text\"")]
    [InlineData("a.json", "[{\"text\": \"ok\", \"class\": 1},\n{\"text\": \"x\", \"class\": 1.5}]", 2, "must be an integer")]
    [InlineData("a.json", "[{\"text\": \"ok\", \"class\": 1},\n\n{\"text\": \"x\", \"class\": 1]", 3, "malformed JSON")]
    [InlineData("a.json", "{\"text\": \"ok\"}", 1, "expected a JSON array")]
    public void MalformedRow(string name, string content, int line, string reason)
    {
        using var temp = new TempFolder();
        AssertLine(Fails(temp.Write(name, content)), line, reason);
    }

    [Fact]
    public void InvalidUtf8NamesItsLine()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "a.csv");
        File.WriteAllBytes(path, [.. "label,text\n1,ok\n0,b"u8, 0xFF, .. "d\n"u8]);
        AssertLine(Fails(path), 3, "UTF-8");
    }

    [Fact]
    public void UnsupportedExtension()
    {
        using var temp = new TempFolder();
        var e = Fails(temp.Write("a.xml", "<x/>"));
        Assert.Contains("unsupported extension '.xml'", e.Message);
    }

    [Fact]
    public void SingleTrainingClassNamesTheTrainFile()
    {
        using var temp = new TempFolder();
        var train = temp.Write("train.csv", "label,text\n1,a\n1,b\n");
        temp.Write("test.csv", "label,text\n1,a\n");
        var e = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFolder(temp.Path));
        Assert.Equal(train, e.File);
        AssertLine(e, 2, "at least two classes");
    }

    [Fact]
    public void TestOrDevLabelUnseenInTrainingNamesItsFileAndLine()
    {
        using var temp = new TempFolder();
        var train = temp.Write("train.csv", "label,text\n1,a\n0,b\n");
        var test = temp.Write("test.csv", "label,text\n1,a\n0,b\n2,c\n");
        var e = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFiles(train, null, test));
        Assert.Equal(test, e.File);
        AssertLine(e, 4, "label '2' does not occur in the training data");

        var dev = temp.Write("dev.tsv", "x\ty\n");
        var d = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFiles(train, dev, test));
        Assert.Equal(dev, d.File);
        AssertLine(d, 1, "label 'x'");
    }

    [Fact]
    public void FolderWithoutTestFileOrMissingFolder()
    {
        using var temp = new TempFolder();
        temp.Write("train.csv", "label,text\n1,a\n0,b\n");
        var e = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFolder(temp.Path));
        Assert.Equal(temp.Path, e.File);
        Assert.Contains("no test file", e.Message);
        var missing = Assert.Throws<DatasetException>(() => DatasetLoader.LoadFolder(Path.Combine(temp.Path, "nope")));
        Assert.Contains("does not exist", missing.Message);
    }
}
