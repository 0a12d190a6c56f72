using NodaTime;
using Upon.Core.Register;

namespace Upon.Core.NewDirectors;

/// <summary>One of a person's DCS appointments, as the register has it: first and last day (inclusive; none while in post).</summary>
public sealed record PostSpan(LocalDate Start, LocalDate? End)
{
    /// <summary>Whether the person was in this post on <paramref name="date"/>.</summary>
    public bool CoversDay(LocalDate date) => date >= Start && (End is null || date <= End);
}

/// <summary>
/// Whether a New Director left their DCS post during their journey. They left on day <c>E</c> when one of their
/// appointments ends on <c>E</c>, <c>E</c> falls in the journey (months 1 to 24), and they hold no DCS post in the
/// <see cref="Tenures.MaxGapDays"/> days after it: no appointment covers those days or starts in them. So a move to
/// another authority, an interim made permanent or a shared post held on is not leaving, as with tenures in the turnover
/// figures. An end date recorded in advance counts as soon as the register has it.
/// </summary>
public static class LeftPostRule
{
    /// <param name="journey">The participant's journey.</param>
    /// <param name="posts">Every appointment of theirs in the register.</param>
    /// <param name="decidedThrough">
    /// The latest leaving date staff have already decided to continue after, if any: only a leaving after it is new.
    /// </param>
    /// <returns>The earliest leaving date still to decide, or null.</returns>
    public static LocalDate? LeftOn(Journey journey, IEnumerable<PostSpan> posts, LocalDate? decidedThrough = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var all = posts.ToList();
        return all
            .Where(p => p.End is { } end && journey.Contains(end) && (decidedThrough is null || end > decidedThrough))
            .Select(p => p.End!.Value)
            .Where(end => !all.Any(p => p.CoversDay(end.PlusDays(1)) || (p.Start > end && p.Start <= end.PlusDays(Tenures.MaxGapDays))))
            .Order()
            .Select(end => (LocalDate?)end)
            .FirstOrDefault();
    }
}
