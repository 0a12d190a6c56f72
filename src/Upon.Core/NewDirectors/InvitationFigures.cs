using Upon.Core.Register;

namespace Upon.Core.NewDirectors;

/// <summary>One first-time director's appointment and what became of their invitation, for the yearly figures.</summary>
/// <param name="Start">The first day in their first DCS post.</param>
/// <param name="SentOn">The day the invitation was first sent; null if never sent.</param>
/// <param name="RecordedOn">The day the register was told of the appointment.</param>
/// <param name="Answer">Accepted, declined, or null while awaiting an answer (or never invited).</param>
public sealed record FirstPostFact(string PersonId, NodaTime.LocalDate Start, NodaTime.LocalDate? RecordedOn, NodaTime.LocalDate? SentOn, InvitationAnswer? Answer, bool Expired);

public enum InvitationAnswer
{
    Accepted,
    Declined,
}

/// <summary>The invitation figures of one financial year (by the start date of the first post).</summary>
public sealed record InvitationYearFigures(
    string FinancialYear,
    int FirstTimeDirectors,
    int Invited,
    int InvitedWithin14Days,
    double? InvitedWithin14DaysRate,
    double? MedianDaysToInvitation,
    int Accepted,
    int Declined,
    int AwaitingAnswer,
    int RecordedLate,
    double? MedianDaysRecordedLate);

/// <summary>
/// The New Directors invitation figures per financial year. A first-time director counts in the year their first DCS post
/// started. "Within 14 days" counts from the start date, however late the register was told.
/// </summary>
public static class InvitationFigures
{
    public static IReadOnlyList<InvitationYearFigures> Years(IEnumerable<FirstPostFact> facts) =>
        [.. facts.GroupBy(f => FinancialYear.Containing(f.Start)).OrderBy(g => g.Key.StartYear).Select(g => Year(g.Key, [.. g]))];

    public static InvitationYearFigures Year(FinancialYear year, IReadOnlyList<FirstPostFact> facts)
    {
        var invited = facts.Where(f => f.SentOn is not null).ToList();
        var days = invited.Select(f => (double)NodaTime.Period.Between(f.Start, f.SentOn!.Value, NodaTime.PeriodUnits.Days).Days).ToList();
        var within = days.Count(d => d <= InvitationRules.DueWithinDays);
        var late = facts.Where(f => f.RecordedOn is { } r && r > f.Start)
            .Select(f => (double)NodaTime.Period.Between(f.Start, f.RecordedOn!.Value, NodaTime.PeriodUnits.Days).Days).ToList();
        return new InvitationYearFigures(
            year.Label,
            facts.Count,
            invited.Count,
            within,
            facts.Count == 0 ? null : Math.Round((double)within / facts.Count, 4),
            Median(days),
            invited.Count(f => f.Answer == InvitationAnswer.Accepted),
            invited.Count(f => f.Answer == InvitationAnswer.Declined),
            invited.Count(f => f.Answer is null && !f.Expired),
            late.Count,
            Median(late));
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
