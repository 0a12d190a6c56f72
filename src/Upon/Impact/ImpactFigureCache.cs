using System.Globalization;
using System.Text.Json;
using NodaTime;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Shared.Figures;

namespace Upon.Impact;

/// <summary>
/// The impact figures through the figure cache (<see cref="FigureReader"/>): the retention evaluation, equality by year
/// and the DfE contract return, each computed once per change of the data and per day (they read the register, the
/// invitations, enrolments, equality answers, coaching, aspirants' data, the workforce reference data and the submitted
/// returns, every one of which raises the data version), the staff view and the funder's side by side.
/// </summary>
public sealed class ImpactFigureCache(FigureReader figures)
{
    private static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The retention evaluation as of <paramref name="asOf"/>, exact.</summary>
    public async Task<RetentionEvaluationResult> RetentionAsync(LocalDate asOf, CancellationToken cancellationToken = default) =>
        (await figures.GetAsync($"retention|result|{Day(asOf)}",
            (services, token) => services.GetRequiredService<RetentionEvaluation>().EvaluateAsync(asOf, token), cancellationToken)).Value;

    /// <summary>
    /// The retention figures as <paramref name="rule"/> lets them be published: the staff's view (a rule that suppresses
    /// nothing) and the funder's, each kept once per change of the data. Under a rule that suppresses they depend only on
    /// the latest quarter end on or before <paramref name="asOf"/>, so they are kept once per quarter end.
    /// </summary>
    public async Task<DisclosedRetentionFigures> DisclosedRetentionAsync(LocalDate asOf, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var day = rule.Threshold > 1 ? RetentionEvaluation.FunderAsOf(asOf) : asOf;
        return (await figures.GetAsync($"retention|disclosed|{FigureReader.ViewKey(rule)}|{Day(day)}", async (services, token) => rule.Threshold > 1
            ? await services.GetRequiredService<RetentionEvaluation>().DisclosedAsync(day, rule, token)
            : RetentionDisclosure.Disclose(await services.GetRequiredService<ImpactFigureCache>().RetentionAsync(day, token), rule), cancellationToken)).Value;
    }

    /// <summary>The API's JSON: exact (<paramref name="rule"/> null) as of <paramref name="asOf"/>, or as the rule lets it be published.</summary>
    public Task<CachedFigure<byte[]>> RetentionJsonAsync(LocalDate asOf, DisclosureRule? rule, CancellationToken cancellationToken = default)
    {
        var day = rule is { Threshold: > 1 } ? RetentionEvaluation.FunderAsOf(asOf) : asOf;
        return figures.GetAsync($"retention|json|{FigureReader.ViewKey(rule)}|{Day(day)}", async (services, token) =>
        {
            var cached = services.GetRequiredService<ImpactFigureCache>();
            var json = rule is null
                ? RetentionJson.ToJson((await cached.RetentionAsync(day, token)).Figures())
                : RetentionJson.ToJson(await cached.DisclosedRetentionAsync(day, rule, token));
            return System.Text.Encoding.UTF8.GetBytes(RetentionJson.Write(json));
        }, cancellationToken);
    }

    /// <summary>The equality stages of <paramref name="year"/> under <paramref name="rule"/>.</summary>
    public async Task<IReadOnlyList<EqualityStage>> EqualityAsync(FinancialYear year, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"equality|{year.Label}|{FigureReader.ViewKey(rule)}",
            (services, token) => services.GetRequiredService<EqualityByYear>().StagesAsync(year, rule, token), cancellationToken)).Value;
    }

    /// <summary>
    /// The return of <paramref name="period"/> as served (<see cref="ReturnSubmissions.ServedAsync"/>): the latest
    /// submitted version, or a draft worked out now, both the exact and the funder's document.
    /// </summary>
    public async Task<(DfeReturnDocument Exact, DfeReturnDocument Funder)> ReturnAsync(ReturnPeriod period, DisclosureRule funderRule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funderRule);
        return (await figures.GetAsync($"return|{period.Label}|{FigureReader.ViewKey(funderRule)}",
            (services, token) => services.GetRequiredService<ReturnSubmissions>().ServedAsync(period, token), cancellationToken)).Value;
    }

    /// <summary>The figures whose value now differs from the submitted return of <paramref name="period"/> (staff only).</summary>
    public async Task<IReadOnlyList<ReturnDifference>> ReturnDifferencesAsync(ReturnPeriod period, DisclosureRule funderRule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funderRule);
        return (await figures.GetAsync($"return|differences|{period.Label}|{FigureReader.ViewKey(funderRule)}",
            (services, token) => services.GetRequiredService<ReturnSubmissions>().DifferencesAsync(period, token), cancellationToken)).Value;
    }

    /// <summary>The versions of the return of <paramref name="period"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReturnVersion>> ReturnVersionsAsync(ReturnPeriod period, CancellationToken cancellationToken = default) =>
        (await figures.GetAsync($"return|versions|{period.Label}",
            (services, token) => services.GetRequiredService<ReturnSubmissions>().VersionsAsync(period, token), cancellationToken)).Value;

    /// <summary>The API's JSON of the return of <paramref name="period"/>, the exact document or the funder's.</summary>
    public Task<CachedFigure<byte[]>> ReturnJsonAsync(ReturnPeriod period, DisclosureRule funderRule, bool exact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funderRule);
        return figures.GetAsync($"return|json|{period.Label}|{FigureReader.ViewKey(funderRule)}|{(exact ? "exact" : "funder")}", async (services, token) =>
        {
            var (exactDocument, funderDocument) = await services.GetRequiredService<ImpactFigureCache>().ReturnAsync(period, funderRule, token);
            return JsonSerializer.SerializeToUtf8Bytes(exact ? exactDocument : funderDocument, ReturnReport.Json);
        }, cancellationToken);
    }
}
