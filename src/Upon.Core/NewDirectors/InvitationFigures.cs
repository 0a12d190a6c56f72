using NodaTime;
using Upon.Core.Register;

namespace Upon.Core.NewDirectors;

/// <summary>Where a first-time director's invitation stands, as the figures count it.</summary>
public enum InvitationOutcome
{
    /// <summary>
    /// No invitation has been sent and no answer recorded: none was created (the appointment was recorded as history), its
    /// send date has not come, no email is recorded, or it waits for the next run.
    /// </summary>
    NotSent,

    /// <summary>Sent, not answered, and its link has not expired.</summary>
    Awaiting,

    /// <summary>Accepted from the link.</summary>
    Accepted,

    /// <summary>Declined from the link, or staff recorded that the director declined in conversation.</summary>
    Declined,

    /// <summary>Sent and not answered within the 28 days its link works.</summary>
    Expired,

    /// <summary>Withdrawn by staff.</summary>
    Withdrawn,
}

/// <summary>
/// One first-time director: the start of their first DCS post and what became of their invitation, for the yearly figures.
/// </summary>
public sealed record FirstPostFact
{
    /// <param name="personId">The person's identifier in the register.</param>
    /// <param name="start">The first day of their earliest DCS appointment anywhere in the register.</param>
    /// <param name="recordedOn">The day the register was told of that appointment; null when it is not known.</param>
    /// <param name="sentOn">The first day an invitation for that post was sent to them; null when none has been.</param>
    /// <param name="outcome">Where their invitation stands.</param>
    /// <exception cref="ArgumentException">An invitation that is awaiting an answer, accepted or expired was never sent.</exception>
    public FirstPostFact(string personId, LocalDate start, LocalDate? recordedOn, LocalDate? sentOn, InvitationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(personId);
        if (sentOn is null && outcome is InvitationOutcome.Awaiting or InvitationOutcome.Accepted or InvitationOutcome.Expired)
        {
            throw new ArgumentException($"An invitation that is {outcome} must have been sent.", nameof(sentOn));
        }
        PersonId = personId;
        Start = start;
        RecordedOn = recordedOn;
        SentOn = sentOn;
        Outcome = outcome;
    }

    /// <summary>The person's identifier in the register.</summary>
    public string PersonId { get; }

    /// <summary>The first day of their first DCS post: the day the 14 days count from.</summary>
    public LocalDate Start { get; }

    /// <summary>The day the register was told of their first post; null when it is not known.</summary>
    public LocalDate? RecordedOn { get; }

    /// <summary>The first day an invitation was sent to them; null when none has been.</summary>
    public LocalDate? SentOn { get; }

    /// <summary>Where their invitation stands.</summary>
    public InvitationOutcome Outcome { get; }

    /// <summary>Whether an invitation was sent (<see cref="SentOn"/> is set).</summary>
    public bool Invited => SentOn is not null;

    /// <summary>Days from the start date to the day the invitation was sent; null when it has not been.</summary>
    public int? DaysToInvitation => SentOn is { } sent ? Period.DaysBetween(Start, sent) : null;

    /// <summary>Whether it was sent on or before the start date plus <see cref="InvitationRules.DueWithinDays"/> days.</summary>
    public bool InvitedWithin14Days => DaysToInvitation <= InvitationRules.DueWithinDays;

    /// <summary>Whether the register was told after the start date.</summary>
    public bool RecordedLate => RecordedOn > Start;

    /// <summary>
    /// How many days after the start date the register was told: positive when late, 0 on the day, negative when told in
    /// advance; null when not known.
    /// </summary>
    public int? DaysRecordedAfterStart => RecordedOn is { } recorded ? Period.DaysBetween(Start, recorded) : null;
}

/// <summary>
/// The New Directors invitation figures of one financial year, as published to the DfE. A first-time director counts in
/// the financial year their first DCS post started. Rates are rounded to 4 decimal places, halves away from zero.
/// </summary>
/// <param name="FinancialYear">The year's label, e.g. "2023-24".</param>
/// <param name="FirstTimeDirectors">
/// People whose earliest DCS appointment anywhere in the register starts in the year. Interim and acting posts count.
/// People are counted, not appointments: someone starting two shared posts on the same day counts once.
/// </param>
/// <param name="Invited">
/// Of <paramref name="FirstTimeDirectors"/>, those to whom an invitation for their first post has been sent, by the
/// register or by staff by hand, whatever became of it since (answered, expired or withdrawn).
/// </param>
/// <param name="InvitedWithin14Days">
/// Of <paramref name="Invited"/>, those first sent it on or before their start date plus 14 days. The days count from the
/// start date even when the register was told of the appointment after it.
/// </param>
/// <param name="InvitedWithin14DaysRate">
/// <paramref name="InvitedWithin14Days"/> / <paramref name="FirstTimeDirectors"/>, rounded to 4 decimal places; null when
/// there are no first-time directors. In the year to date, directors whose 14 days have not run out yet are counted, so
/// the rate can still rise.
/// </param>
/// <param name="MedianDaysToInvitation">
/// The median, over <paramref name="Invited"/>, of the days from the start date to the day the invitation was first sent
/// (the mean of the middle two when there is an even number); null when nobody was invited.
/// </param>
/// <param name="Accepted">First-time directors who accepted their invitation.</param>
/// <param name="Declined">
/// First-time directors who declined: from the link, or in conversation with staff (recorded on their invitation, whether
/// or not it had been emailed).
/// </param>
/// <param name="AwaitingAnswer">
/// First-time directors whose invitation was sent, is not answered and has not expired (its link works for 28 days).
/// Expired and withdrawn invitations are not awaiting an answer: they count in <paramref name="Invited"/> only, so
/// <paramref name="Invited"/> - <paramref name="Accepted"/> - <paramref name="AwaitingAnswer"/> - the declined among the
/// invited is the number expired or withdrawn.
/// </param>
/// <param name="RecordedLate">First-time directors whose first post the register was told of after its start date.</param>
/// <param name="MedianDaysRecordedLate">
/// The median, over <paramref name="RecordedLate"/>, of the days from the start date to the day the register was told;
/// null when none was recorded late.
/// </param>
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
    double? MedianDaysRecordedLate)
{
    /// <summary>
    /// Whether this is the current financial year, not yet over: its figures are to date and may still change. Pages and
    /// the command line's table mark it "(to date)"; JSON and CSV carry it as <c>toDate</c>.
    /// </summary>
    public bool ToDate { get; init; }
}

/// <summary>
/// The New Directors invitation figures per financial year (see <see cref="InvitationYearFigures"/> for the definitions).
/// A first-time director counts in the year their first DCS post started, and "within 14 days" counts from that start
/// date however late the register was told.
/// </summary>
public static class InvitationFigures
{
    /// <summary>
    /// Every financial year's figures, oldest first: from the year of the earliest first post to the year containing
    /// <paramref name="today"/>, or to the year of the latest first post when that is later (a post recorded ahead of its
    /// start). Years in between without a first-time director are included with zeros. Empty when there are no facts.
    /// With <paramref name="invitingSince"/>, the day the programme began inviting, first posts starting before it are left
    /// out, and so no year before it is in the series.
    /// </summary>
    public static IReadOnlyList<InvitationYearFigures> Years(IEnumerable<FirstPostFact> facts, LocalDate today, LocalDate? invitingSince = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var byYear = facts.Where(f => invitingSince is not { } since || f.Start >= since)
            .GroupBy(f => FinancialYear.Containing(f.Start)).ToDictionary(g => g.Key, g => g.ToList());
        if (byYear.Count == 0)
        {
            return [];
        }
        var first = byYear.Keys.Min();
        var current = FinancialYear.Containing(today);
        var last = byYear.Keys.Append(current).Max();
        var years = new List<InvitationYearFigures>();
        for (var year = first; year <= last; year = year.Next())
        {
            years.Add(Year(year, byYear.GetValueOrDefault(year, [])) with { ToDate = year == current });
        }
        return years;
    }

    /// <summary>One year's figures, from the facts whose first post started in <paramref name="year"/> (others are ignored).</summary>
    public static InvitationYearFigures Year(FinancialYear year, IEnumerable<FirstPostFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var inYear = facts.Where(f => year.Contains(f.Start)).ToList();
        var invited = inYear.Where(f => f.Invited).ToList();
        var within = invited.Count(f => f.InvitedWithin14Days);
        var late = inYear.Where(f => f.RecordedLate).ToList();
        return new InvitationYearFigures(
            year.Label,
            inYear.Count,
            invited.Count,
            within,
            Rate(within, inYear.Count),
            Median([.. invited.Select(f => f.DaysToInvitation!.Value)]),
            inYear.Count(f => f.Outcome == InvitationOutcome.Accepted),
            inYear.Count(f => f.Outcome == InvitationOutcome.Declined),
            inYear.Count(f => f.Outcome == InvitationOutcome.Awaiting),
            late.Count,
            Median([.. late.Select(f => f.DaysRecordedAfterStart!.Value)]));
    }

    /// <summary><paramref name="count"/> / <paramref name="total"/> rounded to 4 decimal places, halves away from zero; null when the total is 0.</summary>
    public static double? Rate(int count, int total) =>
        total == 0 ? null : (double)Math.Round((decimal)count / total, 4, MidpointRounding.AwayFromZero);

    /// <summary>The middle value, or the mean of the middle two when there is an even number of values; null when there are none.</summary>
    public static double? Median(IReadOnlyCollection<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
    }
}
