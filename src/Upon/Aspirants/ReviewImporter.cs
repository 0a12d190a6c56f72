using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Coaching;
using Upon.Core;
using Upon.Data;
using Upon.Register;

namespace Upon.Aspirants;

/// <summary>
/// <c>upon aspirants import reviews COHORT FILE.csv</c>: submitted reviews, one row per criterion, all or nothing.
/// Reviewers new to Upon are created (by email) and given the cohort's reviewer permission. A cohort created by import
/// (or one with no criteria yet) takes as criteria those its reviews name, each of weight 1; otherwise every criterion
/// must be one of the cohort's. Each review must score every criterion once, on the cohort's scale. A review already
/// recorded for the same application and reviewer is replaced.
/// </summary>
public sealed class ReviewImporter(UponDbContext db, IClock clock)
{
    public static readonly IReadOnlyList<string> Columns = ["application_id", "reviewer_email", "criterion", "score"];

    public async Task<AspirantImportResult> ImportAsync(string cohortName, TextReader reader, CancellationToken cancellationToken = default)
    {
        cohortName = cohortName.Trim();
        var cohort = await db.AspirantCohorts.Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Name == cohortName, cancellationToken);
        if (cohort is null)
        {
            return new AspirantImportResult([new ImportError(0, "COHORT", cohortName, "There is no cohort with this name: import its applications first.")], 0, 0, 0, false);
        }

        var (rows, errors) = CoachingCsv.Read(reader, Columns);
        if (errors.Count > 0) return new AspirantImportResult(errors, rows.Count, 0, 0, false);

        var applications = (await db.AspirantApplications.Where(a => a.CohortId == cohort.Id).Select(a => new { a.Id, a.ApplicationId, a.Status }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.ApplicationId, StringComparer.Ordinal);
        var openCriteria = cohort.Imported || cohort.Criteria.Count == 0;
        var criteria = cohort.Criteria.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var newCriteria = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(string Application, string Reviewer, string Criterion), int>();
        var parsed = new List<(CsvRow Row, string Application, string Reviewer, string Criterion, int Score)>();
        foreach (var row in rows)
        {
            void Error(string column, string reason) => errors.Add(new ImportError(row.Line, column, row[column], reason));
            var before = errors.Count;
            foreach (var column in Columns.Where(c => ControlCharacters.Contains(row[c])))
            {
                Error(column, $"The {column} {ControlCharacters.Problem(row[column])}.");
            }

            var id = row["application_id"];
            if (id.Length == 0) Error("application_id", "Enter the application's id.");
            else if (!applications.TryGetValue(id, out var application)) Error("application_id", $"The cohort {cohort.Name} has no application with this id: import it first.");
            else if (application.Status != ApplicationStatus.Submitted) Error("application_id", "This application has not been submitted.");

            var email = row["reviewer_email"];
            if (!Shared.Text.EmailAddresses.IsValid(email)) Error("reviewer_email", "Enter an email address in the correct format, like name@example.org.");
            else if (email.Length > AspirantReviewer.MaxEmailLength) Error("reviewer_email", $"An email address must be {AspirantReviewer.MaxEmailLength} characters or fewer.");

            var criterion = row["criterion"];
            if (criterion.Length == 0) Error("criterion", "Enter the criterion.");
            else if (criterion.Length > AspirantCriterion.MaxNameLength) Error("criterion", $"A criterion must be {AspirantCriterion.MaxNameLength} characters or fewer.");
            else if (!criteria.ContainsKey(criterion))
            {
                if (openCriteria) newCriteria.TryAdd(criterion, criterion);
                else Error("criterion", $"The cohort {cohort.Name} has no such criterion: use {string.Join(", ", cohort.Criteria.OrderBy(c => c.Order).Select(c => c.Name))}.");
            }

            if (!int.TryParse(row["score"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) || score < cohort.ScaleMin || score > cohort.ScaleMax)
            {
                Error("score", $"The score must be a whole number from {cohort.ScaleMin} to {cohort.ScaleMax}.");
            }

            if (errors.Count > before) continue;
            var key = (id, email.ToLowerInvariant(), criterion.ToLowerInvariant());
            if (seen.TryGetValue(key, out var first))
            {
                Error("criterion", $"This reviewer's score for this criterion of this application is already on line {first}.");
                continue;
            }
            seen[key] = row.Line;
            parsed.Add((row, id, email, criterion, score));
        }

        if (errors.Count == 0)
        {
            // Every review scores every criterion of the cohort once.
            var allCriteria = criteria.Keys.Concat(newCriteria.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var review in parsed.GroupBy(p => (p.Application, Reviewer: p.Reviewer.ToLowerInvariant())))
            {
                var scored = review.Select(r => r.Criterion).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var missing = allCriteria.Where(c => !scored.Contains(c)).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    var firstRow = review.First().Row;
                    errors.Add(new ImportError(firstRow.Line, "criterion", firstRow["criterion"],
                        $"The review of {review.Key.Application} by {review.First().Reviewer} has no score for {string.Join(", ", missing)}: every review scores every criterion."));
                }
            }
        }

        if (errors.Count > 0) return new AspirantImportResult(errors, rows.Count, 0, 0, false);

        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = cohort.Criteria.Count == 0 ? 0 : cohort.Criteria.Max(c => c.Order);
        foreach (var name in newCriteria.Values)
        {
            var criterion = new AspirantCriterion { CohortId = cohort.Id, Name = name, Weight = 1, Order = ++order };
            db.AspirantCriteria.Add(criterion);
            criteria[name] = criterion;
        }

        var emails = parsed.Select(p => p.Reviewer.ToLowerInvariant()).Distinct().ToList();
        var reviewers = new Dictionary<string, AspirantReviewer>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in emails.Chunk(500))
        {
            foreach (var r in await db.AspirantReviewers.Where(r => chunk.Contains(r.Email.ToLower())).ToListAsync(cancellationToken))
            {
                reviewers[r.Email] = r;
            }
        }
        var reviewersAdded = 0;
        foreach (var email in parsed.Select(p => p.Reviewer).Distinct(StringComparer.OrdinalIgnoreCase).Where(e => !reviewers.ContainsKey(e)))
        {
            var reviewer = new AspirantReviewer { Email = email, CreatedAt = now };
            db.AspirantReviewers.Add(reviewer);
            reviewers[email] = reviewer;
            reviewersAdded++;
        }
        await db.SaveChangesAsync(cancellationToken);

        var permitted = (await db.CohortReviewers.Where(r => r.CohortId == cohort.Id).Select(r => r.ReviewerId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var reviewer in reviewers.Values.Where(r => !permitted.Contains(r.Id)))
        {
            db.CohortReviewers.Add(new CohortReviewer { CohortId = cohort.Id, ReviewerId = reviewer.Id, GrantedAt = now, GrantedBy = "import" });
        }

        var applicationKeys = parsed.Select(p => applications[p.Application].Id).Distinct().ToList();
        var existing = new Dictionary<(int, int), AspirantReview>();
        foreach (var chunk in applicationKeys.Chunk(500))
        {
            foreach (var r in await db.AspirantReviews.Include(r => r.Scores).Where(r => chunk.Contains(r.ApplicationId)).ToListAsync(cancellationToken))
            {
                existing[(r.ApplicationId, r.ReviewerId)] = r;
            }
        }

        int added = 0, updated = 0;
        foreach (var group in parsed.GroupBy(p => (p.Application, Reviewer: p.Reviewer.ToLowerInvariant())))
        {
            var applicationKey = applications[group.Key.Application].Id;
            var reviewer = reviewers[group.Key.Reviewer];
            if (existing.TryGetValue((applicationKey, reviewer.Id), out var review))
            {
                db.AspirantScores.RemoveRange(review.Scores);
                review.Scores.Clear();
                updated++;
            }
            else
            {
                review = new AspirantReview { ApplicationId = applicationKey, ReviewerId = reviewer.Id, AssignedAt = now };
                db.AspirantReviews.Add(review);
                added++;
            }
            review.Status = ReviewStatus.Submitted;
            review.SubmittedAt = now;
            foreach (var row in group)
            {
                review.Scores.Add(new AspirantScore { Criterion = criteria[row.Criterion], Score = row.Score });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AspirantImportResult([], rows.Count, added, updated, false, reviewersAdded, newCriteria.Count);
    }
}
