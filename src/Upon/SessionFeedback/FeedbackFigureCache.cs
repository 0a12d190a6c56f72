using System.Globalization;
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
    private static string Of(DisclosureRule rule) => rule.Threshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>Per strand and financial year, as <see cref="FeedbackResults.FiguresAsync"/> gives them.</summary>
    public async Task<IReadOnlyList<FunderFeedbackFigures>> FiguresAsync(DisclosureRule rule, bool exactCounts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|figures|{Of(rule)}|{(exactCounts ? "exact" : "suppressed")}",
            (services, token) => services.GetRequiredService<FeedbackResults>().FiguresAsync(rule, exactCounts, token), cancellationToken)).Value;
    }

    /// <summary>The API's JSON of <see cref="FiguresAsync"/>, of every year or of the one labelled <paramref name="year"/>.</summary>
    public Task<CachedFigure<byte[]>> JsonAsync(DisclosureRule rule, bool exactCounts, string? year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return figures.GetAsync($"feedback|json|{Of(rule)}|{(exactCounts ? "exact" : "suppressed")}|{year ?? "all"}", async (services, token) =>
        {
            var all = await services.GetRequiredService<FeedbackFigureCache>().FiguresAsync(rule, exactCounts, token);
            var items = all.Where(f => year is null || f.FinancialYear == year).Select(FeedbackYearFigures.From).ToList();
            return JsonSerializer.SerializeToUtf8Bytes(items, JsonSerializerOptions.Web);
        }, cancellationToken);
    }

    /// <summary>The means per financial year over every strand (<see cref="FeedbackResults.YearsAsync"/>).</summary>
    public async Task<IReadOnlyList<(string Year, GroupMeans Means)>> YearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|years|{Of(rule)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().YearsAsync(rule, null, token), cancellationToken)).Value;
    }

    /// <summary>Each strand's means per financial year (<see cref="FeedbackResults.StrandYearsAsync"/>).</summary>
    public async Task<IReadOnlyList<StrandYear>> StrandYearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|strand-years|{Of(rule)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().StrandYearsAsync(rule, null, token), cancellationToken)).Value;
    }

    /// <summary>Every session with feedback asked for, with its means (<see cref="FeedbackResults.SessionsAsync"/>).</summary>
    public async Task<IReadOnlyList<SessionLine>> SessionsAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"feedback|sessions|{Of(rule)}",
            (services, token) => services.GetRequiredService<FeedbackResults>().SessionsAsync(rule, null, token), cancellationToken)).Value;
    }
}
