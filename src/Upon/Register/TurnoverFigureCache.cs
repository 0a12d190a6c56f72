using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Shared.Figures;

namespace Upon.Register;

/// <summary>
/// The turnover figures through the figure cache (<see cref="FigureReader"/>): computed once per change of the register and
/// per day, the staff view and each suppressed view side by side. The API and the dashboard read them from here.
/// </summary>
public sealed class TurnoverFigureCache(FigureReader figures)
{
    /// <summary>Every year's exact figures.</summary>
    public async Task<IReadOnlyList<TurnoverFigures>> AllYearsAsync(CancellationToken cancellationToken = default) =>
        (await figures.GetAsync("turnover|years", (services, token) => services.GetRequiredService<TurnoverReport>().AllYearsAsync(token), cancellationToken)).Value;

    /// <summary>Every year's figures as <paramref name="rule"/> lets them be published.</summary>
    public async Task<IReadOnlyList<DisclosedTurnoverFigures>> DisclosedYearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"turnover|years|{FigureReader.ViewKey(rule)}",
            (services, token) => services.GetRequiredService<TurnoverReport>().DisclosedYearsAsync(rule, token), cancellationToken)).Value;
    }

    /// <summary>The Kaplan-Meier curve of tenures as at the end of <paramref name="year"/>.</summary>
    public async Task<KaplanMeierCurve> TenureSurvivalAsync(FinancialYear year, CancellationToken cancellationToken = default) =>
        (await figures.GetAsync($"turnover|survival|{year.Label}",
            async (services, token) => (await services.GetRequiredService<RegisterQueries>().TurnoverAsync(token)).TenureSurvival(year), cancellationToken)).Value;

    /// <summary>
    /// The API's JSON for the exact (<paramref name="rule"/> null) or suppressed figures of every year, or of one; null
    /// when that year has no figures. Kept as bytes, so that an unchanged answer is not serialised again.
    /// </summary>
    public Task<CachedFigure<byte[]?>> JsonAsync(DisclosureRule? rule, FinancialYear? year, CancellationToken cancellationToken = default) =>
        figures.GetAsync($"turnover|json|{FigureReader.ViewKey(rule)}|{year?.Label ?? "all"}",
            async (services, token) =>
            {
                var cached = services.GetRequiredService<TurnoverFigureCache>();
                return rule is null
                    ? FigureJson.Serialise(await cached.AllYearsAsync(token), year, f => f.FinancialYear)
                    : FigureJson.Serialise([.. (await cached.DisclosedYearsAsync(rule, token)).Select(SuppressedTurnoverFigures.From)], year, f => f.FinancialYear);
            }, cancellationToken);
}
