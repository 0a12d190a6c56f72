using Upon.Core.Aspirants;
using Xunit;

namespace Upon.Core.Tests.Aspirants;

public class WordCountTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one", 1)]
    [InlineData("  I lead children's services  ", 4)]
    [InlineData("well-being in 2027-28,\r\nand more", 5)]
    [InlineData("a\u00A0b", 2)]
    public void Of_CountsRunsOfNonSpaceCharacters(string? text, int words) => Assert.Equal(words, WordCount.Of(text));
}
