using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>Something staff should know before saving a session, which they may confirm and save anyway.</summary>
/// <param name="Key">Identifies the warning, so that a confirmation covers exactly the warnings that were shown.</param>
public sealed record SessionWarning(string Key, string Message);

/// <summary>
/// Checks a session's time before it is saved: a date that is an England and Wales bank holiday, a time in the past, or
/// another session of the same strand at the same time. These are warnings, not errors.
/// </summary>
public sealed class SessionWarnings(UponDbContext db)
{
    /// <summary>The warnings for a session of a strand (and cohort) at these times, leaving out <paramref name="exceptSessionId"/> itself.</summary>
    public async Task<IReadOnlyList<SessionWarning>> ForAsync(int strandId, int? cohortId, LocalDateTime start, LocalDateTime end, int? exceptSessionId = null, CancellationToken cancellationToken = default) =>
        (await ForManyAsync(strandId, cohortId, [(start, end)], exceptSessionId, cancellationToken))[0];

    /// <summary>The warnings for each of several sessions of one strand (a series being created), in the same order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<SessionWarning>>> ForManyAsync(int strandId, int? cohortId, IReadOnlyList<(LocalDateTime Start, LocalDateTime End)> times, int? exceptSessionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            return [];
        }
        var holidays = await BankHolidayImporter.BetweenAsync(db, times.Min(t => t.Start.Date), times.Max(t => t.End.Date), cancellationToken);
        var resolved = times.Select(t => SessionTimes.TryResolve(t.Start, out var s, out _) && SessionTimes.TryResolve(t.End, out var e, out _) ? (Start: s, End: e) : ((Instant Start, Instant End)?)null).ToList();
        var known = resolved.Where(r => r is not null).Select(r => r!.Value).ToList();
        var others = known.Count == 0 ? [] : await OthersAsync(strandId, cohortId, known.Min(r => r.Start), known.Max(r => r.End), exceptSessionId, cancellationToken);
        var now = db.Clock.GetCurrentInstant();
        var all = new List<IReadOnlyList<SessionWarning>>(times.Count);
        for (var i = 0; i < times.Count; i++)
        {
            var (start, end) = times[i];
            var warnings = new List<SessionWarning>();
            for (var date = start.Date; date <= end.Date; date = date.PlusDays(1))
            {
                if (holidays.TryGetValue(date, out var title))
                {
                    warnings.Add(new SessionWarning($"holiday:{date.ToIsoString()}", $"{SessionFormat.Date(date)} is a bank holiday in England and Wales ({title})"));
                }
            }
            if (resolved[i] is { } instants)
            {
                if (instants.Start < now)
                {
                    warnings.Add(new SessionWarning("past", $"{SessionFormat.When(start, end)} is in the past"));
                }
                foreach (var clash in others.Where(o => o.StartUtc < instants.End && o.EndUtc > instants.Start).Take(5))
                {
                    warnings.Add(new SessionWarning($"clash:{clash.Id}", $"{clash.Title} ({SessionFormat.When(clash.Start, clash.End)}) is at the same time for the same people"));
                }
            }
            all.Add(warnings);
        }
        return all;
    }

    /// <summary>Sessions that are not cancelled, for the same people (the strand, or the same cohort or the whole strand), overlapping the range.</summary>
    private async Task<List<Session>> OthersAsync(int strandId, int? cohortId, Instant from, Instant to, int? exceptSessionId, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.StrandId == strandId && s.Id != (exceptSessionId ?? 0) && s.Status != SessionStatus.Cancelled
                && s.StartUtc < to && s.EndUtc > from
                && (cohortId == null || s.CohortId == null || s.CohortId == cohortId))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

    /// <summary>What a form sends back to confirm these warnings: it confirms them only while they stay the same.</summary>
    public static string ConfirmationOf(IEnumerable<SessionWarning> warnings) => string.Join(';', warnings.Select(w => w.Key));

    /// <summary>Whether <paramref name="confirmation"/> (posted by the form) confirms exactly these warnings.</summary>
    public static bool AreConfirmed(IReadOnlyList<SessionWarning> warnings, string? confirmation) =>
        warnings.Count == 0 || string.Equals(ConfirmationOf(warnings), confirmation, StringComparison.Ordinal);
}
