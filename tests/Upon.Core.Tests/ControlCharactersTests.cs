namespace Upon.Core.Tests;

public class ControlCharactersTests
{
    [Theory]
    [InlineData("Ann", false, false)]
    [InlineData("A\u0000nn", false, true)]
    [InlineData("A\u0007", false, true)]
    [InlineData("A\u007F", false, true)]
    [InlineData("line\r\nline\tx", false, true)]
    [InlineData("line\r\nline\tx", true, false)]
    [InlineData("A\u0000\n", true, true)]
    [InlineData("Zoë Ōta", false, false)]
    public void Contains_RefusesC0AndDel_AllowingLineBreaksOnlyWhenMultiline(string text, bool multiline, bool refused) =>
        Assert.Equal(refused, ControlCharacters.Contains(text, multiline));

    [Fact]
    public void Problem_NamesTheCharacterAndPosition() =>
        Assert.Equal("must not contain control characters (U+0000 at position 2)", ControlCharacters.Problem("A\u0000nn"));
}
