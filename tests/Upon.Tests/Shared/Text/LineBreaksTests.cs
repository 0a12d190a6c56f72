using Upon.Shared.Text;

namespace Upon.Tests.Shared.Text;

/// <summary>The one rule for line breaks in typed text, used by the sessions forms and the problem reports.</summary>
public class LineBreaksTests
{
    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a\r\n\r\nb\r", "a\n\nb\n")]
    [InlineData(null, "")]
    public void Normalise_MakesEveryLineBreakOneCharacter(string? typed, string expected) =>
        Assert.Equal(expected, LineBreaks.Normalise(typed));

    [Fact]
    public void SessionsFormInput_CleansWithTheSameRule_AndTrims() =>
        Assert.Equal(LineBreaks.Normalise("  one\r\ntwo\r  ").Trim(), Upon.Sessions.Pages.Shared.FormInput.Clean("  one\r\ntwo\r  "));
}
