using Upon.Core.Disclosure;

namespace Upon.Core.Tests.Disclosure;

public class DisclosedTests
{
    [Fact]
    public void Shown_HasItsValue()
    {
        var shown = Disclosed.Shown(7);

        Assert.False(shown.IsSuppressed);
        Assert.Equal(7, shown.Value);
        Assert.True(shown.TryGetValue(out var value));
        Assert.Equal(7, value);
        Assert.Equal("7", shown.ToString());
    }

    [Fact]
    public void Suppressed_HasNoValueToPublish()
    {
        var suppressed = Disclosed.Suppressed<int>();

        Assert.True(suppressed.IsSuppressed);
        Assert.Throws<InvalidOperationException>(() => suppressed.Value);
        Assert.False(suppressed.TryGetValue(out var value));
        Assert.Equal(0, value);
        Assert.Equal("c", suppressed.ToString());
    }

    [Fact]
    public void Default_IsSuppressed() => Assert.True(default(Disclosed<int>).IsSuppressed);

    [Fact]
    public void ShownNull_IsNotSuppressedAndPrintsEmpty()
    {
        var notAvailable = Disclosed.Shown<double?>(null);

        Assert.False(notAvailable.IsSuppressed);
        Assert.Null(notAvailable.Value);
        Assert.Equal("", notAvailable.ToString());
    }

    [Fact]
    public void ToString_UsesTheInvariantCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            Assert.Equal("0.0131", Disclosed.Shown(0.0131).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Equality_ComparesShownValuesAndSuppression()
    {
        Assert.Equal(Disclosed.Shown(3), Disclosed.Shown(3));
        Assert.NotEqual(Disclosed.Shown(3), Disclosed.Shown(4));
        Assert.Equal(Disclosed.Suppressed<int>(), Disclosed.Suppressed<int>());
        Assert.NotEqual(Disclosed.Shown(0), Disclosed.Suppressed<int>());
    }

    [Fact]
    public void Select_KeepsSuppression()
    {
        Assert.Equal(Disclosed.Shown("12"), Disclosed.Shown(12).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(Disclosed.Suppressed<int>().Select(n => n * 2).IsSuppressed);
    }
}
