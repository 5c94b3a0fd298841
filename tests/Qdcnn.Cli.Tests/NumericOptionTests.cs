namespace Qdcnn.Cli.Tests;

/// <summary>Non-numeric values of numeric options read like the CLI's other errors (no .NET type names).</summary>
public class NumericOptionTests
{
    [Theory]
    [InlineData("train", "--lr", "abc", "--lr: 'abc' is not a number.")]
    [InlineData("train", "--lr", "0,05", "--lr: '0,05' is not a number.")]
    [InlineData("train", "--lr", "NaN", "--lr: 'NaN' is not a number.")]
    [InlineData("train", "--validation-fraction", "half", "--validation-fraction: 'half' is not a number.")]
    [InlineData("train", "--epochs", "ten", "--epochs: 'ten' is not a whole number.")]
    [InlineData("train", "--epochs", "2.5", "--epochs: '2.5' is not a whole number.")]
    [InlineData("train", "--epochs", "99999999999", "--epochs: '99999999999' is out of range for a whole number.")]
    [InlineData("train", "--batch-size", "eight", "--batch-size: 'eight' is not a whole number.")]
    [InlineData("train", "--seq-len", "x", "--seq-len: 'x' is not a whole number.")]
    [InlineData("train", "--threads", "many", "--threads: 'many' is not a whole number.")]
    [InlineData("compare", "--lr", "abc", "--lr: 'abc' is not a number.")]
    [InlineData("ablate", "--epochs", "ten", "--epochs: 'ten' is not a whole number.")]
    public void ANonNumericValueIsAUsageErrorNamingOptionAndValue(string command, string option, string value, string expected)
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run(command, option, value, "--out", folder["run"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"qdcnn: error: {expected}", r.Error.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.DoesNotContain("System.", r.Error);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("--lr", "0.01", "--epochs", "1")]
    [InlineData("--lr", "1e-3", "--epochs", "1")]
    [InlineData("--epochs", "1", "--validation-fraction", "0.25")]
    public void WellFormedValuesStillParse(params string[] options)
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run(["train", "--model", "logreg", .. options, "--out", folder["run"]]);
        Assert.True(r.ExitCode == 0, r.Error);
    }
}
