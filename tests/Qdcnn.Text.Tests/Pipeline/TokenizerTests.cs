namespace Qdcnn.Text.Tests.Pipeline;

public class TokenizerTests
{
    [Fact]
    public void SplitsOnTheSpecSeparatorsAndDropsEmptyStrings()
    {
        var tokens = new Tokenizer().Tokenize("  Hello,, world!! It's a (test) [x] {y} <z>; a:b--c...  ?");
        Assert.Equal(["Hello", "world", "It", "s", "a", "test", "x", "y", "z", "a", "b", "c"], tokens);
    }

    [Fact]
    public void KeepsPosTagsAndCase()
    {
        Assert.Equal(["man_N", "prepares_TV", "tasty_ADJ", "dinner_N"], new Tokenizer().Tokenize("man_N prepares_TV tasty_ADJ dinner_N"));
    }

    [Fact]
    public void LowerCasesWhenAsked()
    {
        Assert.Equal(["man_n", "cooks"], new Tokenizer(lowerCase: true).Tokenize("Man_N COOKS."));
    }

    [Fact]
    public void EmptyOrSeparatorOnlyTextGivesNoTokens()
    {
        Assert.Empty(new Tokenizer().Tokenize(""));
        Assert.Empty(new Tokenizer().Tokenize(" ... !? "));
    }
}
