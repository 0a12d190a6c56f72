using Upon.Core.Disclosure;
using Upon.Core.NewDirectors;

namespace Upon.Core.Tests.NewDirectors;

public class InvitationDisclosureTests
{
    private static readonly DisclosureRule Rule = new();

    private static InvitationYearFigures Figures(
        int firstTime, int invited, int within, double? median, int accepted, int declined, int awaiting, int late, double? medianLate) =>
        new("2023-24", firstTime, invited, within, InvitationFigures.Rate(within, firstTime), median, accepted, declined, awaiting, late, medianLate);

    [Fact]
    public void Disclose_NoRule_ShowsEverything()
    {
        var figures = Figures(11, 7, 5, 5, 2, 2, 2, 6, 15);

        var shown = InvitationDisclosure.Disclose(DisclosureRule.None, figures);

        Assert.Empty(shown.SuppressedFigures());
        Assert.Equal(7, shown.Invited.Value);
        Assert.Equal(0.4545, shown.InvitedWithin14DaysRate.Value);
        Assert.Equal(2, shown.Accepted.Value);
    }

    /// <summary>
    /// 11 first-time directors, 7 invited (5 within 14 days), 2 accepted, 2 declined, 2 awaiting, 6 recorded late.
    /// Invited is shown only with its other part, the 4 not invited, which is small: suppressed. Within 14 days leaves 6
    /// without: shown, and so is its rate over 11. The answers are each 2: suppressed, and their rest (5) is not small.
    /// The medians are over 7 and 6 directors: shown.
    /// </summary>
    [Fact]
    public void Disclose_Funder_SuppressesSmallCountsAndTheirComplements()
    {
        var shown = InvitationDisclosure.Disclose(Rule, Figures(11, 7, 5, 5, 2, 2, 2, 6, 15));

        Assert.Equal(["Invited", "Accepted", "Declined", "AwaitingAnswer"], shown.SuppressedFigures());
        Assert.Equal(11, shown.FirstTimeDirectors.Value);
        Assert.Equal(5, shown.InvitedWithin14Days.Value);
        Assert.Equal(0.4545, shown.InvitedWithin14DaysRate.Value);
        Assert.Equal(5, shown.MedianDaysToInvitation.Value);
        Assert.Equal(6, shown.RecordedLate.Value);
        Assert.Equal(15, shown.MedianDaysRecordedLate.Value);
    }

    [Fact]
    public void Disclose_FewInvitedLate_SuppressesWithinAndItsRate()
    {
        // 20 first-time directors, 10 invited, 7 within 14 days: the 3 invited late are invited - within.
        var shown = InvitationDisclosure.Disclose(Rule, Figures(20, 10, 7, 9, 5, 0, 5, 0, null));

        Assert.Equal(10, shown.Invited.Value);
        Assert.True(shown.InvitedWithin14Days.IsSuppressed);
        Assert.True(shown.InvitedWithin14DaysRate.IsSuppressed);
        Assert.Equal(9, shown.MedianDaysToInvitation.Value);
    }

    [Fact]
    public void Disclose_SmallRestOfTheAnswers_SuppressesTheSmallestAnswerShown()
    {
        // 20 = 12 accepted + 6 declined + 0 awaiting + 2 not invited or expired: the 2 would be known by subtraction, so
        // the smallest part shown that is not zero, declined, is suppressed too. Zero stays shown.
        var shown = InvitationDisclosure.Disclose(Rule, Figures(20, 20, 20, 1, 12, 6, 0, 0, null));

        Assert.Equal(12, shown.Accepted.Value);
        Assert.True(shown.Declined.IsSuppressed);
        Assert.Equal(0, shown.AwaitingAnswer.Value);
    }

    [Fact]
    public void Disclose_SmallYear_SuppressesCountsRateAndMedians()
    {
        var shown = InvitationDisclosure.Disclose(Rule, Figures(3, 3, 2, 4, 1, 0, 2, 1, 12));

        Assert.Equal(
            ["FirstTimeDirectors", "Invited", "InvitedWithin14Days", "InvitedWithin14DaysRate", "MedianDaysToInvitation", "Accepted",
             "AwaitingAnswer", "RecordedLate", "MedianDaysRecordedLate"],
            shown.SuppressedFigures());
        Assert.Equal(0, shown.Declined.Value); // zero is shown
    }

    [Fact]
    public void Disclose_EmptyYear_ShowsZerosAndNotAvailable()
    {
        var shown = InvitationDisclosure.Disclose(Rule, Figures(0, 0, 0, null, 0, 0, 0, 0, null));

        Assert.Empty(shown.SuppressedFigures());
        Assert.Null(shown.InvitedWithin14DaysRate.Value);
        Assert.Null(shown.MedianDaysToInvitation.Value);
    }
}
