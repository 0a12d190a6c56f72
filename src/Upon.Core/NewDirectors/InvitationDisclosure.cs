using Upon.Core.Disclosure;

namespace Upon.Core.NewDirectors;

/// <summary>
/// A year's <see cref="InvitationYearFigures"/> as they may be published under a <see cref="DisclosureRule"/>: each figure
/// is shown or suppressed (see <see cref="InvitationDisclosure"/>). A figure that is not available (null in
/// <see cref="InvitationYearFigures"/>) is shown as null.
/// </summary>
public sealed record DisclosedInvitationYearFigures(
    string FinancialYear,
    Disclosed<int> FirstTimeDirectors,
    Disclosed<int> Invited,
    Disclosed<int> InvitedWithin14Days,
    Disclosed<double?> InvitedWithin14DaysRate,
    Disclosed<double?> MedianDaysToInvitation,
    Disclosed<int> Accepted,
    Disclosed<int> Declined,
    Disclosed<int> AwaitingAnswer,
    Disclosed<int> RecordedLate,
    Disclosed<double?> MedianDaysRecordedLate)
{
    /// <summary>Whether the year is the current one, not yet over (<see cref="InvitationYearFigures.ToDate"/>); never suppressed.</summary>
    public bool ToDate { get; init; }

    /// <summary>The names of the suppressed figures, as in <see cref="InvitationYearFigures"/>, in the order of its fields.</summary>
    public IReadOnlyList<string> SuppressedFigures()
    {
        var names = new List<string>();
        void Add(bool suppressed, string name)
        {
            if (suppressed)
            {
                names.Add(name);
            }
        }
        Add(FirstTimeDirectors.IsSuppressed, nameof(InvitationYearFigures.FirstTimeDirectors));
        Add(Invited.IsSuppressed, nameof(InvitationYearFigures.Invited));
        Add(InvitedWithin14Days.IsSuppressed, nameof(InvitationYearFigures.InvitedWithin14Days));
        Add(InvitedWithin14DaysRate.IsSuppressed, nameof(InvitationYearFigures.InvitedWithin14DaysRate));
        Add(MedianDaysToInvitation.IsSuppressed, nameof(InvitationYearFigures.MedianDaysToInvitation));
        Add(Accepted.IsSuppressed, nameof(InvitationYearFigures.Accepted));
        Add(Declined.IsSuppressed, nameof(InvitationYearFigures.Declined));
        Add(AwaitingAnswer.IsSuppressed, nameof(InvitationYearFigures.AwaitingAnswer));
        Add(RecordedLate.IsSuppressed, nameof(InvitationYearFigures.RecordedLate));
        Add(MedianDaysRecordedLate.IsSuppressed, nameof(InvitationYearFigures.MedianDaysRecordedLate));
        return names;
    }
}

/// <summary>
/// Applies a <see cref="DisclosureRule"/> to the invitation figures, as <c>TurnoverDisclosure</c> does to turnover:
/// <list type="bullet">
/// <item><c>firstTimeDirectors</c> is a count.</item>
/// <item><c>invited</c>, <c>invitedWithin14Days</c> and <c>recordedLate</c> are counts and also parts of
/// <c>firstTimeDirectors</c>: the directors without (not invited, not invited in time, told on time) are the other part,
/// which anyone can work out by subtraction. Each is treated as a total of those two parts, so it is suppressed too when
/// the directors without are a small number. <c>invitedWithin14Days</c> is also a part of <c>invited</c> when that is
/// shown (the rest were invited late).</item>
/// <item><c>accepted</c>, <c>declined</c> and <c>awaitingAnswer</c> are published together as parts of
/// <c>firstTimeDirectors</c>, the rest (not invited, expired, withdrawn) being known by subtraction:
/// <see cref="DisclosureRule.Breakdown"/> suppresses them with secondary suppression.</item>
/// <item><c>accepted</c> and <c>awaitingAnswer</c> are also among those <c>invited</c>: each is suppressed when it differs
/// from a published <c>invited</c> by a small number (<see cref="DisclosureRule.Linked"/>).</item>
/// <item><c>invitedWithin14DaysRate</c> is a rate of <c>invitedWithin14Days</c> over <c>firstTimeDirectors</c>;
/// <c>medianDaysToInvitation</c> is over the directors invited and <c>medianDaysRecordedLate</c> over those recorded late,
/// so each is suppressed when its group is from 1 to the threshold - 1.</item>
/// </list>
/// </summary>
public static class InvitationDisclosure
{
    /// <summary>Discloses each year's figures under <paramref name="rule"/>.</summary>
    public static IReadOnlyList<DisclosedInvitationYearFigures> Disclose(DisclosureRule rule, IEnumerable<InvitationYearFigures> years)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(years);
        return [.. years.Select(y => Disclose(rule, y))];
    }

    /// <summary>Discloses one year's figures under <paramref name="rule"/>.</summary>
    public static DisclosedInvitationYearFigures Disclose(DisclosureRule rule, InvitationYearFigures figures)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(figures);
        var total = figures.FirstTimeDirectors;
        var invited = PartOf(rule, total, figures.Invited);
        var within = PartOf(rule, total, figures.InvitedWithin14Days);
        if (!within.IsSuppressed && !invited.IsSuppressed && PartOf(rule, figures.Invited, figures.InvitedWithin14Days).IsSuppressed)
        {
            within = Disclosed.Suppressed<int>();
        }
        var rest = total - figures.Accepted - figures.Declined - figures.AwaitingAnswer;
        IReadOnlyList<Disclosed<int>> answers = rest >= 0
            ? rule.Breakdown(total, [figures.Accepted, figures.Declined, figures.AwaitingAnswer, rest]).Parts
            : [rule.Count(figures.Accepted), rule.Count(figures.Declined), rule.Count(figures.AwaitingAnswer)];
        // Accepting or awaiting an answer needs an invitation sent: both are among those invited, so a small difference
        // from a published invited (say, 2 invitations expired) is a small number too.
        int? invitedShown = invited.IsSuppressed ? null : figures.Invited;
        answers = [rule.Linked(answers[0], figures.Accepted, invitedShown), answers[1], rule.Linked(answers[2], figures.AwaitingAnswer, invitedShown)];
        var late = PartOf(rule, total, figures.RecordedLate);
        return new DisclosedInvitationYearFigures(
            figures.FinancialYear,
            rule.Count(total),
            invited,
            within,
            within.IsSuppressed || rule.IsSmall(total) ? Disclosed.Suppressed<double?>() : Disclosed.Shown(figures.InvitedWithin14DaysRate),
            rule.OverGroup(figures.MedianDaysToInvitation, figures.Invited),
            answers[0],
            answers[1],
            answers[2],
            late,
            rule.OverGroup(figures.MedianDaysRecordedLate, figures.RecordedLate)) { ToDate = figures.ToDate };
    }

    private static Disclosed<int> PartOf(DisclosureRule rule, int total, int part) => rule.PartOf(total, part);
}
