using NodaTime;
using Upon.Core.Aspirants;
using Xunit;

namespace Upon.Core.Tests.Aspirants;

public class EndorsementRemindersTests
{
    private static readonly LocalDate Asked = new(2027, 2, 1);
    private static readonly LocalDate Due = new(2027, 3, 8);

    [Theory]
    [InlineData("2027-02-07", null, 0, false)] // six days after asking
    [InlineData("2027-02-08", null, 0, true)] // a week after asking
    [InlineData("2027-02-14", "2027-02-08", 1, false)]
    [InlineData("2027-02-15", "2027-02-08", 1, true)] // a week after the first reminder
    [InlineData("2027-03-06", "2027-03-01", 2, true)] // two days before the due day, none in the last two days
    [InlineData("2027-03-06", "2027-03-05", 2, false)] // reminded yesterday
    [InlineData("2027-03-09", "2027-02-22", 2, false)] // past the due day
    [InlineData("2027-03-08", "2027-02-22", 3, false)] // three sent already
    public void Due_WeeklyThenTwoDaysBefore_AtMostThree(string today, string? last, int sent, bool due) =>
        Assert.Equal(due, EndorsementReminders.Due(Asked, Due, LocalDatePattern(today), last is null ? null : LocalDatePattern(last), sent));

    private static LocalDate LocalDatePattern(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
