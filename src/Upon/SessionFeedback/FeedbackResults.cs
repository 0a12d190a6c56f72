using Microsoft.EntityFrameworkCore;
using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Core.SessionFeedback;
using Upon.Data;
using Upon.Sessions;

namespace Upon.SessionFeedback;

/// <summary>A scale question's ratings in a session, or a text question's comments (staff only), in no order but the text's own.</summary>
/// <param name="Question">The question.</param>
/// <param name="Ratings">A scale question's ratings; null for a text question, or when they are withheld.</param>
/// <param name="Comments">A text question's comments.</param>
/// <param name="RatingsWithheld">A scale question rated by fewer than the threshold: every question is optional, so its ratings could be one person's.</param>
public sealed record QuestionResult(FeedbackQuestion Question, RatingSummary? Ratings, IReadOnlyList<string> Comments, bool RatingsWithheld = false);

/// <summary>A session's feedback: how many were asked and answered, and the results once enough have answered.</summary>
public sealed record SessionFeedbackResults(Session Session, int Asked, int Answers, bool Shown, IReadOnlyList<QuestionResult> Questions);

/// <summary>The mean ratings of a group of responses (a session, a strand's year ...), by Kirkpatrick level.</summary>
/// <param name="Answers">Responses in the group.</param>
/// <param name="Reaction">Mean of the reaction (level 1) ratings, null when there are none; suppressed when fewer than the threshold of responses gave one.</param>
/// <param name="Learning">Mean of the learning (level 2) ratings, likewise.</param>
public sealed record GroupMeans(int Answers, Disclosed<double?> Reaction, Disclosed<double?> Learning);

/// <summary>One session's line in a strand's results.</summary>
public sealed record SessionLine(int SessionId, string Title, NodaTime.LocalDate Date, string Strand, int Asked, GroupMeans Means);

/// <summary>One strand's results in one financial year.</summary>
public sealed record StrandYear(int StrandId, string Strand, string FinancialYear, GroupMeans Means);

/// <summary>The funder's figures: a strand's year, the count and the means suppressed under the small-number rule.</summary>
public sealed record FunderFeedbackFigures(string Strand, string FinancialYear, Disclosed<int> Answers, Disclosed<double?> Reaction, Disclosed<double?> Learning);

/// <summary>
/// Feedback results for staff and the funder. A group's results are shown only when it has at least the small-number
/// threshold of responses (<see cref="FeedbackDisclosure"/>), for everyone; comments are for staff pages only and are
/// listed in the order of their text, never in the order given.
/// </summary>
public sealed class FeedbackResults(UponDbContext db)
{
    private sealed record Rating(Guid ResponseId, int SessionId, KirkpatrickLevel Level, int Value);

    public async Task<SessionFeedbackResults?> ForSessionAsync(int sessionId, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Strand).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var asked = await db.FeedbackRequests.CountAsync(q => q.SessionId == sessionId, cancellationToken);
        var answers = await db.FeedbackResponses.CountAsync(r => r.SessionId == sessionId, cancellationToken);
        if (!FeedbackDisclosure.ResultsShown(rule, answers))
        {
            return new SessionFeedbackResults(session, asked, answers, false, []);
        }
        var given = await db.FeedbackAnswers.AsNoTracking()
            .Where(a => db.FeedbackResponses.Any(r => r.Id == a.ResponseId && r.SessionId == sessionId))
            .Select(a => new { a.QuestionId, a.Rating, a.Text })
            .ToListAsync(cancellationToken);
        var questionIds = given.Select(a => a.QuestionId).Distinct().ToList();
        var questions = await db.FeedbackQuestions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToListAsync(cancellationToken);
        var results = questions.OrderBy(q => q.FormId).ThenBy(q => q.Position).Select(q => q.Kind == FeedbackQuestionKind.Scale
                ? Rated(q, RatingSummary.Of(given.Where(a => a.QuestionId == q.Id && a.Rating is not null).Select(a => a.Rating!.Value)))
                : new QuestionResult(q, null, [.. given.Where(a => a.QuestionId == q.Id && !string.IsNullOrWhiteSpace(a.Text)).Select(a => a.Text!).Order(StringComparer.Ordinal)]))
            .ToList();
        return new SessionFeedbackResults(session, asked, answers, true, results);

        QuestionResult Rated(FeedbackQuestion question, RatingSummary ratings) =>
            ratings.Count == 0 || FeedbackDisclosure.ResultsShown(rule, ratings.Count)
                ? new QuestionResult(question, ratings, [])
                : new QuestionResult(question, null, [], RatingsWithheld: true);
    }

    /// <summary>Every session with feedback asked for, newest first, with its means (of one strand when given).</summary>
    public async Task<IReadOnlyList<SessionLine>> SessionsAsync(DisclosureRule rule, int? strandId = null, CancellationToken cancellationToken = default)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => (strandId == null || s.StrandId == strandId) && (db.FeedbackRequests.Any(q => q.SessionId == s.Id) || db.FeedbackResponses.Any(r => r.SessionId == s.Id)))
            .Select(s => new { s.Id, s.Title, s.Start, Strand = s.Strand!.Name, Asked = db.FeedbackRequests.Count(q => q.SessionId == s.Id) })
            .ToListAsync(cancellationToken);
        var ratings = await RatingsAsync(strandId, cancellationToken);
        var counts = await ResponseCountsAsync(strandId, cancellationToken);
        return [.. sessions.OrderByDescending(s => s.Start).ThenBy(s => s.Id).Select(s => new SessionLine(
            s.Id, s.Title, s.Start.Date, s.Strand, s.Asked,
            Means(rule, counts.GetValueOrDefault(s.Id), ratings.Where(r => r.SessionId == s.Id))))];
    }

    /// <summary>Each strand's means per financial year of the sessions' dates, oldest year first.</summary>
    public async Task<IReadOnlyList<StrandYear>> StrandYearsAsync(DisclosureRule rule, int? strandId = null, CancellationToken cancellationToken = default)
    {
        var sessions = await SessionYearsAsync(strandId, cancellationToken);
        var ratings = await RatingsAsync(strandId, cancellationToken);
        var counts = await ResponseCountsAsync(strandId, cancellationToken);
        return [.. sessions.GroupBy(s => (s.StrandId, s.Strand, s.Year))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Strand, StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.Select(s => s.SessionId).ToHashSet();
                return new StrandYear(g.Key.StrandId, g.Key.Strand, g.Key.Year.Label,
                    Means(rule, ids.Sum(counts.GetValueOrDefault), ratings.Where(r => ids.Contains(r.SessionId))));
            })
            .Where(y => y.Means.Answers > 0)];
    }

    /// <summary>The means per financial year over every strand, or one, oldest first: the programme over time.</summary>
    public async Task<IReadOnlyList<(string Year, GroupMeans Means)>> YearsAsync(DisclosureRule rule, int? strandId = null, CancellationToken cancellationToken = default)
    {
        var sessions = await SessionYearsAsync(strandId, cancellationToken);
        var ratings = await RatingsAsync(strandId, cancellationToken);
        var counts = await ResponseCountsAsync(strandId, cancellationToken);
        return [.. sessions.GroupBy(s => s.Year).OrderBy(g => g.Key).Select(g =>
        {
            var ids = g.Select(s => s.SessionId).ToHashSet();
            return (g.Key.Label, Means(rule, ids.Sum(counts.GetValueOrDefault), ratings.Where(r => ids.Contains(r.SessionId))));
        })];
    }

    /// <summary>
    /// The funder's figures: per strand and financial year, the number of responses (suppressed when small) and the
    /// mean ratings by level (suppressed over fewer than the threshold). No total is published beside them, so no
    /// suppressed count can be worked out by subtraction.
    /// </summary>
    /// <param name="rule">The small-number rule.</param>
    /// <param name="exactCounts">Whether the counts of responses are exact (staff) rather than suppressed when small (the funder).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<FunderFeedbackFigures>> FiguresAsync(DisclosureRule rule, bool exactCounts, CancellationToken cancellationToken = default) =>
        [.. (await StrandYearsAsync(rule, null, cancellationToken)).Select(y => new FunderFeedbackFigures(
            y.Strand, y.FinancialYear, exactCounts ? Disclosed.Shown(y.Means.Answers) : rule.Count(y.Means.Answers), y.Means.Reaction, y.Means.Learning))];

    /// <summary>
    /// The group's means by level, each shown only when at least the threshold of its responses gave a rating at that
    /// level: every question is optional, so five responses may hold one person's rating.
    /// </summary>
    private static GroupMeans Means(DisclosureRule rule, int answers, IEnumerable<Rating> ratings)
    {
        var list = ratings.ToList();
        Disclosed<double?> Mean(KirkpatrickLevel level)
        {
            var rated = list.Where(r => r.Level == level).ToList();
            return rated.Count == 0
                ? FeedbackDisclosure.Mean(rule, null, answers)
                : FeedbackDisclosure.Mean(rule, rated.Average(r => (double)r.Value), rated.Select(r => r.ResponseId).Distinct().Count());
        }
        return new GroupMeans(answers, Mean(KirkpatrickLevel.Reaction), Mean(KirkpatrickLevel.Learning));
    }

    private sealed record SessionYear(int SessionId, int StrandId, string Strand, FinancialYear Year);

    private async Task<List<SessionYear>> SessionYearsAsync(int? strandId, CancellationToken cancellationToken)
    {
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => (strandId == null || s.StrandId == strandId) && db.FeedbackResponses.Any(r => r.SessionId == s.Id))
            .Select(s => new { s.Id, s.StrandId, Strand = s.Strand!.Name, s.Start })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SessionYear(r.Id, r.StrandId, r.Strand, FinancialYear.Containing(r.Start.Date)))];
    }

    private async Task<Dictionary<int, int>> ResponseCountsAsync(int? strandId, CancellationToken cancellationToken) =>
        await db.FeedbackResponses.AsNoTracking()
            .Where(r => strandId == null || db.Sessions.Any(s => s.Id == r.SessionId && s.StrandId == strandId))
            .GroupBy(r => r.SessionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private async Task<List<Rating>> RatingsAsync(int? strandId, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.FeedbackAnswers.AsNoTracking()
                          join r in db.FeedbackResponses on a.ResponseId equals r.Id
                          join q in db.FeedbackQuestions on a.QuestionId equals q.Id
                          where a.Rating != null && q.Kind == FeedbackQuestionKind.Scale
                              && (strandId == null || db.Sessions.Any(s => s.Id == r.SessionId && s.StrandId == strandId))
                          select new { a.ResponseId, r.SessionId, q.Level, Rating = a.Rating!.Value })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Rating(r.ResponseId, r.SessionId, r.Level, r.Rating))];
    }
}
