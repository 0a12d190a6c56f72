using Upon.Shared.Text;
using Xunit;

namespace Upon.Tests.Shared.Text;

public class EmailAddressesTests
{
    [Theory]
    [InlineData("name@example.org")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("o'brien@example.org")]
    public void IsValid_ABareAddress_IsTrue(string text) => Assert.True(EmailAddresses.IsValid(text));

    [Theory]
    [InlineData("")]
    [InlineData("name")]
    [InlineData("@example.org")]
    [InlineData("name@")]
    [InlineData("name@example")]
    [InlineData("name@example.")]
    [InlineData("name@@example.org")]
    [InlineData("a@b@example.org")]
    [InlineData("name @example.org")]
    [InlineData("Name <name@example.org>")]
    [InlineData("name@example.org, other@example.org")]
    public void IsValid_AnythingElse_IsFalse(string text) => Assert.False(EmailAddresses.IsValid(text));

    [Fact]
    public void IsValid_LongerThanTheLimit_IsFalse() =>
        Assert.False(EmailAddresses.IsValid(new string('a', 64) + "@" + new string('b', 252) + ".org"));
}
