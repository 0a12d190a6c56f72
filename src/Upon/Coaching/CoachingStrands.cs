using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Coaching;

/// <summary>
/// Which strand a coachee's coaching is for, and so the entitlement their relationship records when it is created
/// (<see cref="CoachingOptions.For"/>). A request does not say (staff may open one for anyone), so it is read from the
/// participant's enrolments then: the strand of an enrolment that makes them due coaching (a New Director in their
/// coaching year, an aspirant after their cohort's last taught day), else of their latest enrolment not withdrawn, the
/// latest start first in both; none, for someone with no enrolment, gives the general setting.
/// </summary>
public sealed class CoachingStrands(UponDbContext db, IClock clock, CoachingOptions options)
{
    /// <summary>The strand slug of each participant's coaching, by participant id; a participant with none is left out.</summary>
    public async Task<Dictionary<int, string>> StrandsAsync(IEnumerable<int> participantIds, CancellationToken cancellationToken = default)
    {
        var (enrolments, due) = await EnrolmentsAsync(participantIds, cancellationToken);
        return enrolments.GroupBy(e => e.ParticipantId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(due).ThenByDescending(e => e.StartsOn).ThenByDescending(e => e.Id).First().Slug);
    }

    /// <summary>
    /// Whether the participant is due coaching now: a New Director in their coaching year, or an aspirant after their
    /// cohort's last taught day, in an enrolment not withdrawn, deferred or completed.
    /// </summary>
    public async Task<bool> IsDueAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var (enrolments, due) = await EnrolmentsAsync([participantId], cancellationToken);
        return enrolments.Any(due);
    }

    private sealed record EnrolmentRow(int ParticipantId, int Id, string Slug, LocalDate StartsOn, int? CohortId, EnrolmentStatus Status);

    /// <summary>The participants' enrolments not withdrawn, and the rule for one that makes its participant due coaching today.</summary>
    private async Task<(List<EnrolmentRow> Enrolments, Func<EnrolmentRow, bool> Due)> EnrolmentsAsync(IEnumerable<int> participantIds, CancellationToken cancellationToken)
    {
        var ids = participantIds.Distinct().ToList();
        var enrolments = new List<EnrolmentRow>();
        foreach (var chunk in ids.Chunk(500))
        {
            enrolments.AddRange((await db.Enrolments.AsNoTracking().Where(e => chunk.Contains(e.ParticipantId) && e.Status != EnrolmentStatus.Withdrawn)
                .Select(e => new { e.ParticipantId, e.Id, e.Strand!.Slug, e.StartsOn, e.CohortId, e.Status }).ToListAsync(cancellationToken))
                .Select(e => new EnrolmentRow(e.ParticipantId, e.Id, e.Slug, e.StartsOn, e.CohortId, e.Status)));
        }

        var cohorts = enrolments.Where(e => e.Slug == StrandSetup.AspirantDirectorsSlug && e.CohortId is not null).Select(e => e.CohortId!.Value).Distinct().ToList();
        var lastTaughtDay = new Dictionary<int, LocalDate>();
        foreach (var chunk in cohorts.Chunk(500))
        {
            var taught = await db.Sessions.AsNoTracking().Where(s => s.CohortId != null && chunk.Contains(s.CohortId.Value) && s.Type == SessionType.TaughtDay && s.Status != SessionStatus.Cancelled)
                .Select(s => new { CohortId = s.CohortId!.Value, s.Start }).ToListAsync(cancellationToken);
            foreach (var g in taught.GroupBy(t => t.CohortId)) lastTaughtDay[g.Key] = g.Max(t => t.Start).Date;
        }

        var today = clock.TodayInLondon();
        return (enrolments, e =>
            e.Status is not (EnrolmentStatus.Deferred or EnrolmentStatus.Completed)
            && ((e.Slug == StrandSetup.NewDirectorsSlug && CoachingDue.NewDirector(e.StartsOn, today))
                || (e.Slug == StrandSetup.AspirantDirectorsSlug && e.CohortId is { } cohort && CoachingDue.Aspirant(lastTaughtDay.TryGetValue(cohort, out var last) ? last : (LocalDate?)null, today))));
    }

    /// <summary>The entitlement each participant's new relationship records, by participant id (every one given).</summary>
    public async Task<Dictionary<int, CoachingEntitlement>> EntitlementsAsync(IEnumerable<int> participantIds, CancellationToken cancellationToken = default)
    {
        var ids = participantIds.Distinct().ToList();
        var strands = await StrandsAsync(ids, cancellationToken);
        return ids.ToDictionary(id => id, id => options.For(strands.GetValueOrDefault(id)));
    }
}
