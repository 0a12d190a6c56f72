using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Aspirants;

/// <summary>
/// Reviewing applications is programme activity, by the reviewer's address: their joining, each cohort they were given
/// to review, each application assigned to them, review submitted, recusal and conflict declared. So the retention rules
/// keep a reviewer who reviews, as a participant or a coach, whatever their other records' dates.
/// </summary>
public sealed class ReviewingActivity(UponDbContext db) : IProgrammeActivity
{
    public async Task<IReadOnlyList<PersonActivity>> ActivityAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var reviewers = await db.AspirantReviewers.AsNoTracking().Select(r => new { r.Id, r.Email, r.CreatedAt }).ToListAsync(cancellationToken);
        var reviews = (await db.AspirantReviews.AsNoTracking().Select(r => new { r.ReviewerId, r.AssignedAt, r.SubmittedAt, r.RecusedAt }).ToListAsync(cancellationToken))
            .Select(r => (r.ReviewerId, At: Instant.Max(r.AssignedAt, Instant.Max(r.SubmittedAt ?? r.AssignedAt, r.RecusedAt ?? r.AssignedAt))));
        var conflicts = (await db.AspirantConflicts.AsNoTracking().Select(c => new { c.ReviewerId, c.DeclaredAt }).ToListAsync(cancellationToken)).Select(c => (c.ReviewerId, At: c.DeclaredAt));
        var grants = (await db.CohortReviewers.AsNoTracking().Select(g => new { g.ReviewerId, g.GrantedAt }).ToListAsync(cancellationToken)).Select(g => (g.ReviewerId, At: g.GrantedAt));
        var last = reviews.Concat(conflicts).Concat(grants).GroupBy(x => x.ReviewerId).ToDictionary(g => g.Key, g => g.Max(x => x.At));
        return [.. reviewers.Select(r => new PersonActivity(null, r.Email.ToLowerInvariant(),
            (last.TryGetValue(r.Id, out var at) ? Instant.Max(at, r.CreatedAt) : r.CreatedAt).InZone(Upon.Core.Time.London).Date, false))];
    }
}
