using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Data;
using Upon.Shared.Files;

namespace Upon.SessionFeedback;

/// <summary>A group's response count and mean ratings as the report gives them: a withheld mean is null and named in <see cref="Suppressed"/>.</summary>
public sealed record FeedbackReportMeans(
    [property: JsonPropertyName("answers")] int Answers,
    [property: JsonPropertyName("reactionMean")] double? ReactionMean,
    [property: JsonPropertyName("learningMean")] double? LearningMean,
    [property: JsonPropertyName("suppressed")] IReadOnlyList<string> Suppressed)
{
    public static FeedbackReportMeans From(GroupMeans means)
    {
        ArgumentNullException.ThrowIfNull(means);
        var suppressed = new List<string>();
        double? Value(Disclosed<double?> mean, string name)
        {
            if (mean.TryGetValue(out var value))
            {
                return value;
            }
            suppressed.Add(name);
            return null;
        }
        return new FeedbackReportMeans(means.Answers, Value(means.Reaction, "reactionMean"), Value(means.Learning, "learningMean"), suppressed);
    }
}

/// <summary>The programme's (or one strand's) means in one financial year.</summary>
public sealed record FeedbackReportYear([property: JsonPropertyName("financialYear")] string FinancialYear, [property: JsonPropertyName("means")] FeedbackReportMeans Means);

/// <summary>One strand's means in one financial year.</summary>
public sealed record FeedbackReportStrandYear(
    [property: JsonPropertyName("strand")] string Strand,
    [property: JsonPropertyName("financialYear")] string FinancialYear,
    [property: JsonPropertyName("means")] FeedbackReportMeans Means);

/// <summary>One session asked for feedback: how many were asked, and its means.</summary>
public sealed record FeedbackReportSession(
    [property: JsonPropertyName("sessionId")] int SessionId,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("strand")] string Strand,
    [property: JsonPropertyName("financialYear")] string FinancialYear,
    [property: JsonPropertyName("asked")] int Asked,
    [property: JsonPropertyName("means")] FeedbackReportMeans Means);

/// <summary>
/// <c>upon report feedback</c>'s figures: the small-number threshold, the filters, and the means per financial year,
/// per strand and year and per session, with response counts. Never a comment.
/// </summary>
public sealed record FeedbackReportDocument(
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("strand")] string? Strand,
    [property: JsonPropertyName("financialYear")] string? FinancialYear,
    [property: JsonPropertyName("years")] IReadOnlyList<FeedbackReportYear> Years,
    [property: JsonPropertyName("strands")] IReadOnlyList<FeedbackReportStrandYear> Strands,
    [property: JsonPropertyName("sessions")] IReadOnlyList<FeedbackReportSession> Sessions);

/// <summary>
/// The feedback report for operators (<c>upon report feedback</c>): the same figures staff see at <c>/feedback</c>,
/// means withheld below the small-number threshold as there, and no free-text comments (they are for staff pages and
/// the staff workbook only).
/// </summary>
public sealed class FeedbackReport(UponDbContext db, FeedbackResults results)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly IReadOnlyList<string> CsvHeader =
        ["level", "financial_year", "strand", "session_id", "session_date", "session_title", "asked", "answers", "reaction_mean", "learning_mean"];

    /// <summary>The strand with this slug or name (ignoring case), or null.</summary>
    public async Task<(int Id, string Name)?> FindStrandAsync(string text, CancellationToken cancellationToken = default)
    {
        var wanted = text.Trim();
        var strands = await db.Strands.AsNoTracking().Select(s => new { s.Id, s.Slug, s.Name }).ToListAsync(cancellationToken);
        var found = strands.FirstOrDefault(s => string.Equals(s.Slug, wanted, StringComparison.OrdinalIgnoreCase))
            ?? strands.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase));
        return found is null ? null : (found.Id, found.Name);
    }

    public async Task<FeedbackReportDocument> BuildAsync(DisclosureRule rule, (int Id, string Name)? strand, FinancialYear? year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var only = year?.Label;
        var years = await results.YearsAsync(rule, strand?.Id, cancellationToken);
        var strands = await results.StrandYearsAsync(rule, strand?.Id, cancellationToken);
        var sessions = await results.SessionsAsync(rule, strand?.Id, cancellationToken);
        return new FeedbackReportDocument(
            rule.Threshold, strand?.Name, only,
            [.. years.Where(y => only is null || y.Year == only).Select(y => new FeedbackReportYear(y.Year, FeedbackReportMeans.From(y.Means)))],
            [.. strands.Where(y => only is null || y.FinancialYear == only).Select(y => new FeedbackReportStrandYear(y.Strand, y.FinancialYear, FeedbackReportMeans.From(y.Means)))],
            [.. sessions.Select(s => (Line: s, Year: FinancialYear.Containing(s.Date).Label))
                .Where(s => only is null || s.Year == only)
                .Select(s => new FeedbackReportSession(s.Line.SessionId, s.Line.Date.ToIsoString(), s.Line.Title, s.Line.Strand, s.Year, s.Line.Asked, FeedbackReportMeans.From(s.Line.Means)))]);
    }

    /// <summary>One CSV of every level (year, strand, session), means unrounded and <c>c</c> when withheld, text neutralised.</summary>
    public static void WriteCsv(TextWriter writer, FeedbackReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = SafeCsv.CreateWriter(writer);
        foreach (var field in CsvHeader)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
        void Row(string level, string financialYear, string strand, int? sessionId, string date, string title, int? asked, FeedbackReportMeans means)
        {
            csv.WriteField(level);
            csv.WriteField(financialYear);
            csv.WriteField(strand);
            csv.WriteField(sessionId);
            csv.WriteField(date);
            csv.WriteField(title);
            csv.WriteField(asked);
            csv.WriteField(means.Answers);
            csv.WriteField(Data(means.ReactionMean, means.Suppressed.Contains("reactionMean")));
            csv.WriteField(Data(means.LearningMean, means.Suppressed.Contains("learningMean")));
            csv.NextRecord();
        }
        foreach (var y in report.Years)
        {
            Row("year", y.FinancialYear, report.Strand ?? "", null, "", "", null, y.Means);
        }
        foreach (var s in report.Strands)
        {
            Row("strand", s.FinancialYear, s.Strand, null, "", "", null, s.Means);
        }
        foreach (var s in report.Sessions)
        {
            Row("session", s.FinancialYear, s.Strand, s.SessionId, s.Date, s.Title, s.Asked, s.Means);
        }
    }

    /// <summary>A mean as the table and CSV write it: <c>c</c> when withheld, empty when there is none.</summary>
    public static string Data(double? mean, bool suppressed) => suppressed ? Disclosed.Symbol : mean is { } v ? FigureFormat.Data(v) : "";
}
