using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>
/// Works out the DfE contract return of a period from every registered <see cref="IDfeReturnSection"/>: each figure this
/// period, last period and the same period last year, exact or as the funder may see it (<see cref="ReturnDisclosure"/>).
/// </summary>
public sealed class ReturnReport(IEnumerable<IDfeReturnSection> sections, IClock clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public LocalDate Today => clock.TodayInLondon();

    /// <summary>The sections in order.</summary>
    public IReadOnlyList<IDfeReturnSection> Sections { get; } = [.. sections.OrderBy(s => s.Order)];

    /// <summary>
    /// Why <paramref name="text"/> cannot be a return's period, or null when it can: it must be a quarter or year, from
    /// 2000-01 on, that has begun.
    /// </summary>
    public string? Problem(string? text, out ReturnPeriod period)
    {
        if (!ReturnPeriod.TryParse(text, out period))
        {
            return $"'{text}' is not a return period: use a financial quarter such as 2026-27-Q2 (April to June is Q1) or a financial year such as 2026-27.";
        }
        if (period.FirstDay < PlausibleDates.Earliest)
        {
            return $"{period.Label} is before 2000, when no DCS post existed.";
        }
        if (period.FirstDay > Today)
        {
            return $"{period.Label} has not begun: it starts on {period.FirstDay.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.";
        }
        return null;
    }

    /// <summary>The periods a return needs measured: its three columns and, for figures that add up, every quarter and year of theirs.</summary>
    public static IReadOnlyList<ReturnPeriod> PeriodsNeeded(ReturnPeriod period)
    {
        var columns = new[] { period, period.Previous(), period.SamePeriodLastYear() };
        return [.. columns
            .SelectMany(p => p.QuartersOfYear().Append(ReturnPeriod.OfYear(p.Year)))
            .Concat(columns)
            .Distinct()
            .Order()];
    }

    /// <summary>The return worked out now, exact and as the funder sees it under <paramref name="funderRule"/>.</summary>
    public async Task<(DfeReturnDocument Exact, DfeReturnDocument Funder)> ComputeAsync(ReturnPeriod period, DisclosureRule funderRule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(funderRule);
        var needed = PeriodsNeeded(period);
        var measured = new List<(IDfeReturnSection Section, IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>> Measures)>();
        foreach (var section in Sections)
        {
            measured.Add((section, await section.MeasureAsync(needed, cancellationToken)));
        }
        var computedAt = InstantPattern.General.Format(clock.GetCurrentInstant());
        return (Document(period, measured, DisclosureRule.None, DfeReturnDocument.ExactView, null, computedAt),
                Document(period, measured, funderRule, DfeReturnDocument.FunderView, funderRule.Threshold, computedAt));
    }

    private static DfeReturnDocument Document(
        ReturnPeriod period,
        List<(IDfeReturnSection Section, IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>> Measures)> measured,
        DisclosureRule rule, string view, int? threshold, string computedAt)
    {
        var definitions = measured.SelectMany(m => m.Section.Figures.Select(f => (f, m.Measures))).ToDictionary(x => x.f.Key, StringComparer.Ordinal);
        var cache = new Dictionary<(string, ReturnPeriod), Disclosed<double?>>();
        Disclosed<double?> Disclose(string key, ReturnPeriod p)
        {
            if (!cache.TryGetValue((key, p), out var value))
            {
                var (figure, measures) = definitions[key];
                cache[(key, p)] = value = ReturnDisclosure.Disclose(rule, figure, p, q => measures[q][key], Disclose);
            }
            return value;
        }
        var columns = new[]
        {
            (DfeReturnFigureDocument.ThisPeriodColumn, period),
            (DfeReturnFigureDocument.LastPeriodColumn, period.Previous()),
            (DfeReturnFigureDocument.SamePeriodLastYearColumn, period.SamePeriodLastYear()),
        };
        var sections = measured.Select(m => new DfeReturnSectionDocument(m.Section.Key, m.Section.Title, [.. m.Section.Figures.Select(f =>
        {
            var values = columns.Select(c => (c.Item1, Value: Disclose(f.Key, c.Item2))).ToList();
            return new DfeReturnFigureDocument(
                f.Key, f.Title, Unit(f.Unit), f.Definition,
                Value(values[0].Value), Value(values[1].Value), Value(values[2].Value),
                [.. values.Where(v => v.Value.IsSuppressed).Select(v => v.Item1)]);
        })])).ToList();
        return new DfeReturnDocument(
            period.Label, period.Name, period.FirstDay.ToIsoString(), period.LastDay.ToIsoString(),
            period.Previous().Label, period.SamePeriodLastYear().Label, view, threshold, "draft", null, null, null, computedAt, sections);
    }

    public static string Unit(ReturnUnit unit) => unit switch
    {
        ReturnUnit.Count => "count",
        ReturnUnit.Share => "share",
        _ => "hours",
    };

    private static double? Value(Disclosed<double?> figure) => figure.TryGetValue(out var value) ? value : null;
}
