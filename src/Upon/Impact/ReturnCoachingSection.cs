using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>The return's coaching figures: relationships active, sessions and hours delivered, and the share of entitlement used.</summary>
public sealed class ReturnCoachingSection(UponDbContext db) : IDfeReturnSection
{
    public const string RelationshipsActive = "coachingRelationshipsActive";
    public const string SessionsDelivered = "coachingSessionsDelivered";
    public const string HoursDelivered = "coachingHoursDelivered";
    public const string EntitlementUsedShare = "coachingEntitlementUsedShare";

    public string Key => "coaching";

    public string Title => "Coaching";

    public int Order => 20;

    public IReadOnlyList<ReturnFigureDefinition> Figures { get; } =
    [
        new(RelationshipsActive, "Coaching relationships active", ReturnUnit.Count,
            "Coaching relationships running on at least one day of the period: started on or before its last day, and neither their coaching year nor an early end (or completion) came before its first day. Paused relationships count."),
        new(SessionsDelivered, "Coaching sessions delivered", ReturnUnit.Count,
            "Coaching sessions logged by coaches with a date in the period, except those the coachee queried: the sessions the coaching figures count by strand and month. Suppressed for the funder unless the coaching figures' months already give it.")
        { AddsUpOverQuarters = true },
        new(HoursDelivered, "Coaching hours delivered", ReturnUnit.Hours,
            "The logged minutes of those sessions, in hours (to 2 decimal places). Suppressed for the funder with the count of sessions.")
        { BasisKey = SessionsDelivered },
        new(EntitlementUsedShare, "Share of coaching entitlement used", ReturnUnit.Share,
            "Over the coaching relationships whose coaching year ended in the period (on its end date, or earlier when ended early or completed): the sessions delivered (not queried; no more than the entitlement each) as a share of the sessions they were entitled to.")
        { AddsUpOverQuarters = true },
    ];

    public async Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var relationships = (await db.CoachingRelationships.AsNoTracking()
                .Select(r => new { r.Id, r.StartsOn, r.EndsOn, r.Status, r.StatusChangedOn, r.EntitledSessions })
                .ToListAsync(cancellationToken))
            .Select(r => new { r.Id, r.StartsOn, Ends = EffectiveEnd(r.EndsOn, r.Status, r.StatusChangedOn), r.EntitledSessions })
            .ToList();
        // The same sessions, with the same strands, as the coaching figures count by strand and month: the funder sees both,
        // so each quarter's (and year's) sessions are disclosed against those months (ReturnMeasure.CountOfParts).
        var (facts, sessions) = await CoachingReport.DeliveredAsync(db, cancellationToken);
        var byMonth = CoachingFigures.Of(0, facts, sessions, []);
        var sessionsOf = sessions.ToLookup(s => s.RelationshipId);

        var measures = new ReturnMeasures();
        foreach (var period in periods)
        {
            measures.Add(period, RelationshipsActive, ReturnMeasure.Count(relationships.Count(r => period.Overlaps(r.StartsOn, r.Ends))));
            var delivered = sessions.Where(s => period.Contains(s.Date)).ToList();
            var parts = ReturnMeasure.CountOfParts(byMonth.SessionsBetween(period.FirstDay, period.LastDay));
            if (parts.Numerator != delivered.Count)
            {
                throw new InvalidOperationException($"The coaching figures count {parts.Numerator} sessions in {period.Label}, the return {delivered.Count}.");
            }
            measures.Add(period, SessionsDelivered, parts);
            measures.Add(period, HoursDelivered, ReturnMeasure.Hours(delivered.Sum(s => s.Minutes) / 60.0));
            var ended = relationships.Where(r => period.Contains(r.Ends)).ToList();
            var used = ended.Sum(r => Math.Min(r.EntitledSessions, sessionsOf[r.Id].Count(s => s.Date <= r.Ends)));
            measures.Add(period, EntitlementUsedShare, ReturnMeasure.ShareOverGroup(used, ended.Sum(r => r.EntitledSessions), ended.Count));
        }
        return measures.ToDictionary();
    }

    /// <summary>The last day of a relationship: its end date, or the day it ended early or completed when that came first.</summary>
    public static LocalDate EffectiveEnd(LocalDate endsOn, RelationshipStatus status, LocalDate? changedOn) =>
        status is RelationshipStatus.EndedEarly or RelationshipStatus.Completed && changedOn is { } changed && changed < endsOn ? changed : endsOn;
}
