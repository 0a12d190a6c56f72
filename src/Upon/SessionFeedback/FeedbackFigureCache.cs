using System.Text.Json;
using Upon.Core.Disclosure;
using Upon.Shared.Figures;

namespace Upon.SessionFeedback;

/// <summary>
/// The session feedback results through the figure cache (<see cref="FigureReader"/>): computed once per change of the
/// data (sessions, requests, responses and their answers, forms and questions) and per day, the staff view and the
/// funder's side by side.
/// </summary>
public sealed class FeedbackFigureCache(FigureReader figures)
{
    /// <summary>Per strand and financial year, as <see cref="FeedbackResults.FiguresAsync"/> gives them.</summary>
    public async Task<IReadOnlyList<FunderFeedbackFigures>> FiguresAsync(DisclosureRule rule, bool exactCounts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|figures|{FigureReader.ViewKey(rule)}|{(exactCounts ? "exact" : "suppressed")}",
            (services, token) => services.GetRequiredService<FeedbackResults>().FiguresAsync(rule, exactCounts, token), cancellationToken)).Value;
    }

    /// <summary>The API's JSON of <see cref="FiguresAsync"/>, of every year or of the one labelled <paramref name="year"/>.</summary>
    public Task<CachedFigure<byte[]>> JsonAsync(DisclosureRule rule, bool exactCounts, string? year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return figures.GetAsync($"feedback|json|{FigureReader.ViewKey(rule)}|{(exactCounts ? "exact" : "suppressed")}|{year ?? "all"}", async (services, token) =>
        {
            var all = await services.GetRequiredService<FeedbackFigureCache>().FiguresAsync(rule, exactCounts, token);
            var items = all.Where(f => year is null || f.FinancialYear == year).Select(FeedbackYearFigures.From).ToList();
            return JsonSerializer.SerializeToUtf8Bytes(items, JsonSerializerOptions.Web);
        }, cancellationToken);
    }

    /// <summary>The means per financial year over every strand (<see cref="FeedbackResults.YearsAsync"/>).</summary>
    public Task<IReadOnlyList<(string Year, GroupMeans Means)>> YearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default) =>
        YearsAsync(rule, null, cancellationToken);

    /// <summary>The means per financial year over every strand, or of one (<see cref="FeedbackResults.YearsAsync"/>).</summary>
    public async Task<IReadOnlyList<(string Year, GroupMeans Means)>> YearsAsync(DisclosureRule rule, int? strandId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|years|{FigureReader.ViewKey(rule)}{Strand(strandId)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().YearsAsync(rule, strandId, token), cancellationToken)).Value;
    }

    /// <summary>One session's results (<see cref="FeedbackResults.ForSessionAsync"/>); null when there is no such session.</summary>
    public async Task<SessionFeedbackResults?> SessionAsync(int sessionId, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|session|{sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{FigureReader.ViewKey(rule)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().ForSessionAsync(sessionId, rule, token), cancellationToken)).Value;
    }

    private static string Strand(int? strandId) => strandId is { } id ? "|strand|" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>Each strand's means per financial year (<see cref="FeedbackResults.StrandYearsAsync"/>).</summary>
    public async Task<IReadOnlyList<StrandYear>> StrandYearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|strand-years|{FigureReader.ViewKey(rule)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().StrandYearsAsync(rule, null, token), cancellationToken)).Value;
    }

    /// <summary>Every session with feedback asked for, with its means (<see cref="FeedbackResults.SessionsAsync"/>).</summary>
    public Task<IReadOnlyList<SessionLine>> SessionsAsync(DisclosureRule rule, CancellationToken cancellationToken = default) =>
        SessionsAsync(rule, null, cancellationToken);

    /// <summary>Every session with feedback asked for, of every strand or of one, with its means (<see cref="FeedbackResults.SessionsAsync"/>).</summary>
    public async Task<IReadOnlyList<SessionLine>> SessionsAsync(DisclosureRule rule, int? strandId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|sessions|{FigureReader.ViewKey(rule)}{Strand(strandId)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().SessionsAsync(rule, strandId, token), cancellationToken)).Value;
    }
}
