using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Aspirants;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>What a reviewer is shown of an application: its answers with redactions applied, and nothing that names the applicant.</summary>
public sealed record AnonymisedAnswer(string Question, int WordLimit, string Text);

/// <summary>
/// The reviewer's side of review and the assignment of reviewers. A reviewer sees an application only while it is
/// assigned to them, and then only its anonymised answers: never the name, email, employer, authority, equality
/// answers or another reviewer's scores.
/// </summary>
public sealed class Reviewing(UponDbContext db, IClock clock)
{
    /// <summary>The reviewer of the signed-in account (same email), or null.</summary>
    public async Task<AspirantReviewer?> CurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null) return null;
        var lower = email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        return await db.AspirantReviewers.SingleOrDefaultAsync(r => r.Email.ToLower() == lower, cancellationToken);
#pragma warning restore CA1862
    }

    /// <summary>The answers of <paramref name="applicationKey"/> as a reviewer sees them: each redacted phrase replaced by "[redacted]".</summary>
    public async Task<IReadOnlyList<AnonymisedAnswer>> AnswersAsync(int applicationKey, CancellationToken cancellationToken = default)
    {
        var answers = await db.AspirantAnswers.AsNoTracking().Where(a => a.ApplicationId == applicationKey)
            .OrderBy(a => a.Question!.Order)
            .Select(a => new { a.Question!.Text, a.Question.WordLimit, Answer = a.Text, Phrases = a.Redactions.Select(r => r.Phrase).ToList() })
            .ToListAsync(cancellationToken);
        return [.. answers.Select(a => new AnonymisedAnswer(a.Text, a.WordLimit, Redact(a.Answer, a.Phrases)))];
    }

    /// <summary>Replaces every occurrence of each phrase (ignoring case) with "[redacted]".</summary>
    public static string Redact(string text, IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        foreach (var phrase in phrases.Where(p => p.Length > 0).OrderByDescending(p => p.Length))
        {
            text = Regex.Replace(text, Regex.Escape(phrase), "[redacted]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return text;
    }

    /// <summary>
    /// Authorities a reviewer must never review an applicant from: those they declared; those a coach profile with the
    /// same email (ignoring case) declared; and every authority the register has an appointment of theirs in. Their
    /// register person is the one they are linked to, else each register person with their email (ignoring case); a
    /// coach profile with their email adds the person it is linked to.
    /// </summary>
    public async Task<Dictionary<int, HashSet<string>>> ConflictAuthoritiesAsync(IReadOnlyCollection<AspirantReviewer> reviewers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        var result = reviewers.ToDictionary(r => r.Id, r => Codes(r.ConflictAuthorityCodes));
        var emails = reviewers.Select(r => r.Email.ToLowerInvariant()).Distinct().ToList();
        var peopleByEmail = new List<(int Id, string Email)>();
        var coaches = new List<(string Email, string Codes, int? PersonKey)>();
        foreach (var chunk in emails.Chunk(500))
        {
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
            peopleByEmail.AddRange((await db.People.Where(p => p.Email != null && chunk.Contains(p.Email.ToLower())).Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.Email!)));
            coaches.AddRange((await db.CoachProfiles.Where(c => chunk.Contains(c.Email.ToLower())).Select(c => new { c.Email, c.ConflictAuthorityCodes, c.PersonKey }).ToListAsync(cancellationToken))
                .Select(c => (c.Email, c.ConflictAuthorityCodes, c.PersonKey)));
#pragma warning restore CA1862
        }
        var peopleOf = reviewers.ToDictionary(r => r.Id, r =>
        {
            var people = r.PersonKey is { } linked ? new HashSet<int> { linked } : peopleByEmail.Where(p => string.Equals(p.Email, r.Email, StringComparison.OrdinalIgnoreCase)).Select(p => p.Id).ToHashSet();
            foreach (var coach in coaches.Where(c => string.Equals(c.Email, r.Email, StringComparison.OrdinalIgnoreCase)))
            {
                result[r.Id].UnionWith(Codes(coach.Codes));
                if (coach.PersonKey is { } person) people.Add(person);
            }
            return people;
        });
        var keys = peopleOf.Values.SelectMany(p => p).Distinct().ToList();
        var held = new List<(int PersonKey, string AuthorityCode)>();
        foreach (var chunk in keys.Chunk(500))
        {
            held.AddRange((await db.Appointments.Where(a => chunk.Contains(a.PersonKey)).Select(a => new { a.PersonKey, a.AuthorityCode }).ToListAsync(cancellationToken))
                .Select(a => (a.PersonKey, a.AuthorityCode)));
        }
        foreach (var (reviewerId, people) in peopleOf)
        {
            result[reviewerId].UnionWith(held.Where(h => people.Contains(h.PersonKey)).Select(h => h.AuthorityCode));
        }
        return result;

        static HashSet<string> Codes(string stored) =>
            stored.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Gives each eligible submitted application of the cohort the reviewers it still needs from the cohort's reviewers,
    /// evenly and never to a reviewer with a conflict (their authority, or a declared conflict) or one who recused.
    /// Returns how many reviews were assigned and how many could not be.
    /// </summary>
    public async Task<(int Assigned, int Missing)> AssignAsync(int cohortId, IReadOnlyCollection<int> eligibleApplications, CancellationToken cancellationToken = default) =>
        await AssignAsync(cohortId, eligibleApplications, forModeration: false, cancellationToken);

    /// <summary>As <see cref="AssignAsync(int, IReadOnlyCollection{int}, CancellationToken)"/>; for moderation, each given application gets one further reviewer.</summary>
    public async Task<(int Assigned, int Missing)> AssignAsync(int cohortId, IReadOnlyCollection<int> eligibleApplications, bool forModeration, CancellationToken cancellationToken = default)
    {
        var cohort = await db.AspirantCohorts.SingleAsync(c => c.Id == cohortId, cancellationToken);
        var reviewers = await db.CohortReviewers.Where(r => r.CohortId == cohortId).Select(r => r.Reviewer!).ToListAsync(cancellationToken);
        var conflicts = await ConflictAuthoritiesAsync(reviewers, cancellationToken);
        var applications = await db.AspirantApplications.Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted)
            .Select(a => new { a.Id, a.AuthorityCode, Active = a.Reviews.Count(r => r.Status != ReviewStatus.Recused && !r.ForModeration) })
            .ToListAsync(cancellationToken);
        var existing = await db.AspirantReviews.Where(r => r.Application!.CohortId == cohortId).Select(r => new { r.ApplicationId, r.ReviewerId, r.Status }).ToListAsync(cancellationToken);
        var declared = await db.AspirantConflicts.Where(c => c.Application!.CohortId == cohortId).Select(c => new { c.ApplicationId, c.ReviewerId }).ToListAsync(cancellationToken);

        static string K(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var excluded = existing.Select(e => new ExcludedPair(K(e.ApplicationId), K(e.ReviewerId)))
            .Concat(declared.Select(d => new ExcludedPair(K(d.ApplicationId), K(d.ReviewerId))))
            .Concat(from a in applications where a.AuthorityCode is not null
                    from r in reviewers where conflicts[r.Id].Contains(a.AuthorityCode!)
                    select new ExcludedPair(K(a.Id), K(r.Id)))
            .ToHashSet();
        var eligible = eligibleApplications.ToHashSet();
        var load = existing.Where(e => e.Status != ReviewStatus.Recused).GroupBy(e => e.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var result = ReviewerAssignment.Assign(
            [.. applications.Where(a => eligible.Contains(a.Id)).Select(a => new ApplicationToAssign(K(a.Id), forModeration ? 1 : Math.Max(0, cohort.ReviewsPerApplication - a.Active)))],
            [.. reviewers.Select(r => new ReviewerToAssign(K(r.Id), load.GetValueOrDefault(r.Id)))],
            excluded);
        var now = clock.GetCurrentInstant();
        foreach (var pair in result.Pairs)
        {
            db.AspirantReviews.Add(new AspirantReview
            {
                ApplicationId = int.Parse(pair.Application, System.Globalization.CultureInfo.InvariantCulture),
                ReviewerId = int.Parse(pair.Reviewer, System.Globalization.CultureInfo.InvariantCulture),
                Status = ReviewStatus.Assigned,
                AssignedAt = now,
                ForModeration = forModeration,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return (result.Pairs.Count, result.Missing.Values.Sum());
    }

    /// <summary>Saves a reviewer's scores (one per criterion, on the scale) and submits the review.</summary>
    public async Task SubmitAsync(AspirantReview review, IReadOnlyDictionary<int, (int Score, string? Comment)> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(scores);
        db.AspirantScores.RemoveRange(review.Scores);
        review.Scores.Clear();
        foreach (var (criterion, (score, comment)) in scores)
        {
            review.Scores.Add(new AspirantScore { CriterionId = criterion, Score = score, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() });
        }
        review.Status = ReviewStatus.Submitted;
        review.SubmittedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What a review reassigned by staff (not the reviewer stepping back) records as its reason.</summary>
    public const string ReassignedByStaff = "Reassigned by staff";

    /// <summary>
    /// The reviewer steps back from an application (optionally declaring a conflict, whose reason only administrators
    /// see); the application is reassigned to another reviewer (a further review to another reviewer for moderation).
    /// </summary>
    public async Task RecuseAsync(AspirantReview review, string? conflictReason, IReadOnlyCollection<int> eligibleApplications, CancellationToken cancellationToken = default) =>
        await StepBackAsync(review, string.IsNullOrWhiteSpace(conflictReason) ? "Recused" : "Declared a conflict of interest", conflictReason, eligibleApplications, cancellationToken);

    /// <summary>
    /// Staff take an assigned review from its reviewer (recorded as <see cref="ReassignedByStaff"/>) and reassign the
    /// application as on a recusal. Returns how many reviews were assigned and how many could not be.
    /// </summary>
    public async Task<(int Assigned, int Missing)> ReassignAsync(AspirantReview review, IReadOnlyCollection<int> eligibleApplications, CancellationToken cancellationToken = default) =>
        await StepBackAsync(review, ReassignedByStaff, null, eligibleApplications, cancellationToken);

    private async Task<(int Assigned, int Missing)> StepBackAsync(AspirantReview review, string reason, string? conflictReason, IReadOnlyCollection<int> eligibleApplications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var now = clock.GetCurrentInstant();
        review.Status = ReviewStatus.Recused;
        review.RecusedAt = now;
        review.RecusalReason = reason;
        if (!string.IsNullOrWhiteSpace(conflictReason))
        {
            db.AspirantConflicts.Add(new AspirantConflict { ApplicationId = review.ApplicationId, ReviewerId = review.ReviewerId, Reason = conflictReason.Trim(), DeclaredAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        var cohortId = await db.AspirantApplications.Where(a => a.Id == review.ApplicationId).Select(a => a.CohortId).SingleAsync(cancellationToken);
        // A further review for moderation is replaced by another further review of the same application (the regular
        // count leaves further reviews out, so reassigning as usual would give it none).
        var result = review.ForModeration
            ? await AssignAsync(cohortId, [review.ApplicationId], forModeration: true, cancellationToken)
            : await AssignAsync(cohortId, eligibleApplications, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
