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
public sealed record QuestionResult(FeedbackQuestion Question, RatingSummary? Ratings, IReadOnlyList<FeedbackComment> Comments, bool RatingsWithheld = false);

/// <summary>
/// A comment as staff read it: its text, and the key of the answer that holds it (random, and not its response's, so
/// it neither orders the comments nor ties two comments to one person), to remove it by (<see cref="FeedbackCommentRemoval"/>).
/// </summary>
public sealed record FeedbackComment(Guid AnswerId, string Text);

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
            .Select(a => new { a.Id, a.QuestionId, a.Rating, a.Text })
            .ToListAsync(cancellationToken);
        var questionIds = given.Select(a => a.QuestionId).Distinct().ToList();
        var questions = await db.FeedbackQuestions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToListAsync(cancellationToken);
        var results = questions.OrderBy(q => q.FormId).ThenBy(q => q.Position).Select(q => q.Kind == FeedbackQuestionKind.Scale
                ? Rated(q, RatingSummary.Of(given.Where(a => a.QuestionId == q.Id && a.Rating is not null).Select(a => a.Rating!.Value)))
                : new QuestionResult(q, null, [.. given.Where(a => a.QuestionId == q.Id && !string.IsNullOrWhiteSpace(a.Text)).Select(a => new FeedbackComment(a.Id, a.Text!)).OrderBy(c => c.Text, StringComparer.Ordinal).ThenBy(c => c.AnswerId)]))
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
        var stats = await SessionStatsAsync(strandId, cancellationToken);
        var counts = await ResponseCountsAsync(strandId, cancellationToken);
        return [.. sessions.OrderByDescending(s => s.Start).ThenBy(s => s.Id).Select(s =>
        {
            var own = stats.GetValueOrDefault(s.Id) ?? LevelPair.None;
            return new SessionLine(s.Id, s.Title, s.Start.Date, s.Strand, s.Asked, Disclose(rule, counts.GetValueOrDefault(s.Id), own, own));
        })];
    }

    /// <summary>Each strand's means per financial year of the sessions' dates, oldest year first.</summary>
    public async Task<IReadOnlyList<StrandYear>> StrandYearsAsync(DisclosureRule rule, int? strandId = null, CancellationToken cancellationToken = default)
    {
        var groups = await StrandYearGroupsAsync(rule, strandId, cancellationToken);
        return [.. groups.OrderBy(g => g.Year).ThenBy(g => g.Strand, StringComparer.Ordinal)
            .Select(g => new StrandYear(g.StrandId, g.Strand, g.Year.Label, Disclose(rule, g.Answers, g.Raw, g.Included)))
            .Where(y => y.Means.Answers > 0)];
    }

    /// <summary>The means per financial year over every strand, or one, oldest first: the programme over time.</summary>
    public async Task<IReadOnlyList<(string Year, GroupMeans Means)>> YearsAsync(DisclosureRule rule, int? strandId = null, CancellationToken cancellationToken = default)
    {
        var groups = await StrandYearGroupsAsync(rule, strandId, cancellationToken);
        return [.. groups.GroupBy(g => g.Year).OrderBy(g => g.Key).Select(g =>
        {
            var raw = g.Aggregate(LevelPair.None, (sum, y) => sum.Plus(y.Raw));
            return (g.Key.Label, Disclose(rule, g.Sum(y => y.Answers), raw, LevelPair.Included(rule, g.Select(y => y.Included))));
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
    /// A group's means by level, each shown only when at least the threshold of responses gave the ratings it is over
    /// (every question is optional, so five responses may hold one person's rating). <paramref name="raw"/> is every rating
    /// in the group, <paramref name="included"/> those its figures may be over (<see cref="LevelPair.Included"/>).
    /// </summary>
    private static GroupMeans Disclose(DisclosureRule rule, int answers, LevelPair raw, LevelPair included)
    {
        Disclosed<double?> Mean(LevelStats all, LevelStats shown) =>
            all.Ratings == 0 ? FeedbackDisclosure.Mean(rule, null, answers) : FeedbackDisclosure.Mean(rule, shown.Mean, shown.Raters);
        return new GroupMeans(answers, Mean(raw.Reaction, included.Reaction), Mean(raw.Learning, included.Learning));
    }

    /// <summary>The ratings of one level in a group: their sum, how many, and how many responses gave them.</summary>
    private sealed record LevelStats(double Sum, int Ratings, int Raters)
    {
        public static readonly LevelStats None = new(0, 0, 0);

        public double? Mean => Ratings == 0 ? null : Sum / Ratings;

        public LevelStats Plus(LevelStats other) => new(Sum + other.Sum, Ratings + other.Ratings, Raters + other.Raters);
    }

    /// <summary>A group's reaction and learning ratings.</summary>
    private sealed record LevelPair(LevelStats Reaction, LevelStats Learning)
    {
        public static readonly LevelPair None = new(LevelStats.None, LevelStats.None);

        public LevelPair Plus(LevelPair other) => new(Reaction.Plus(other.Reaction), Learning.Plus(other.Learning));

        /// <summary>
        /// What a group's figures may be over, from its parts' (sessions in a strand's year; strands' years in a year):
        /// the parts shown on their own, and the withheld ones only when together they reach the threshold. Staff see
        /// the parts beside the group, so the group less its shown parts must never give away a withheld part: with the
        /// withheld ones left out, it gives nothing; with them in, it gives only their total over enough people.
        /// Each level on its own, as each mean is shown or withheld on its own.
        /// </summary>
        public static LevelPair Included(DisclosureRule rule, IEnumerable<LevelPair> parts)
        {
            var list = parts.ToList();
            LevelStats Level(Func<LevelPair, LevelStats> level)
            {
                var shown = LevelStats.None;
                var withheld = LevelStats.None;
                foreach (var part in list.Select(level))
                {
                    if (FeedbackDisclosure.ResultsShown(rule, part.Raters))
                    {
                        shown = shown.Plus(part);
                    }
                    else
                    {
                        withheld = withheld.Plus(part);
                    }
                }
                return withheld.Raters > 0 && FeedbackDisclosure.ResultsShown(rule, withheld.Raters) ? shown.Plus(withheld) : shown;
            }
            return new LevelPair(Level(p => p.Reaction), Level(p => p.Learning));
        }
    }

    private sealed record StrandYearGroup(int StrandId, string Strand, FinancialYear Year, int Answers, LevelPair Raw, LevelPair Included);

    /// <summary>Each strand's year: its responses, every rating in it, and what its figures may be over.</summary>
    private async Task<List<StrandYearGroup>> StrandYearGroupsAsync(DisclosureRule rule, int? strandId, CancellationToken cancellationToken)
    {
        var sessions = await SessionYearsAsync(strandId, cancellationToken);
        var stats = await SessionStatsAsync(strandId, cancellationToken);
        var counts = await ResponseCountsAsync(strandId, cancellationToken);
        return [.. sessions.GroupBy(s => (s.StrandId, s.Strand, s.Year)).Select(g =>
        {
            var parts = g.Select(s => stats.GetValueOrDefault(s.SessionId) ?? LevelPair.None).ToList();
            return new StrandYearGroup(g.Key.StrandId, g.Key.Strand, g.Key.Year, g.Sum(s => counts.GetValueOrDefault(s.SessionId)),
                parts.Aggregate(LevelPair.None, (sum, p) => sum.Plus(p)), LevelPair.Included(rule, parts));
        })];
    }

    /// <summary>Each session's ratings by level.</summary>
    private async Task<Dictionary<int, LevelPair>> SessionStatsAsync(int? strandId, CancellationToken cancellationToken)
    {
        var ratings = await RatingsAsync(strandId, cancellationToken);
        return ratings.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g =>
        {
            LevelStats Of(KirkpatrickLevel level)
            {
                var rated = g.Where(r => r.Level == level).ToList();
                return new LevelStats(rated.Sum(r => (double)r.Value), rated.Count, rated.Select(r => r.ResponseId).Distinct().Count());
            }
            return new LevelPair(Of(KirkpatrickLevel.Reaction), Of(KirkpatrickLevel.Learning));
        });
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
