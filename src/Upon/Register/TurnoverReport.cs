using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Register;

/// <summary>The turnover figures as the command line, the API and the dashboard give them.</summary>
public sealed class TurnoverReport(RegisterQueries queries)
{
    /// <summary>The JSON field names: camelCase of <see cref="TurnoverFigures"/> (<c>financialYear</c>, <c>changes</c>, ...).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<TurnoverFigures>> AllYearsAsync(CancellationToken cancellationToken = default) =>
        (await queries.TurnoverAsync(cancellationToken)).Years(queries.Today);

    /// <summary>Every year's figures as <paramref name="rule"/> lets them be published.</summary>
    public async Task<IReadOnlyList<DisclosedTurnoverFigures>> DisclosedYearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default) =>
        (await queries.TurnoverAsync(cancellationToken)).DisclosedYears(queries.Today, rule);

    /// <summary>One year's figures, or null when the year is outside the register's data.</summary>
    public async Task<TurnoverFigures?> YearAsync(FinancialYear year, CancellationToken cancellationToken = default) =>
        (await AllYearsAsync(cancellationToken)).FirstOrDefault(f => f.FinancialYear == year.Label);

    /// <summary>
    /// The CSV header: the same field names as the JSON and the page (<c>financialYear</c>, <c>localAuthorities</c>, ...),
    /// in the order of <see cref="TurnoverFigures"/>, then <c>toDate</c> (true for the current financial year, not yet over).
    /// </summary>
    public static IReadOnlyList<string> CsvHeader { get; } =
        [.. typeof(TurnoverFigures).GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)),
         JsonNamingPolicy.CamelCase.ConvertName(nameof(TurnoverFigures.ToDate))];

    private static void WriteHeader(CsvWriter csv)
    {
        foreach (var field in CsvHeader)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
    }

    /// <summary>One row per year with <see cref="CsvHeader"/>: figures as numbers, an empty cell where one is not available.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<TurnoverFigures> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        using var csv = Upon.Shared.Files.SafeCsv.CreateWriter(writer);
        csv.Context.TypeConverterOptionsCache.GetOptions<double?>().NullValues.Add("");
        csv.Context.TypeConverterOptionsCache.GetOptions<int?>().NullValues.Add("");
        WriteHeader(csv);
        foreach (var year in years)
        {
            csv.WriteField(year.FinancialYear);
            csv.WriteField(year.LocalAuthorities);
            csv.WriteField(year.Changes);
            csv.WriteField(year.AuthoritiesWithChange);
            csv.WriteField(year.AuthoritiesWithUnplannedChange);
            csv.WriteField(year.UnplannedChangeRate);
            csv.WriteField(year.FirstTimeDirectors);
            csv.WriteField(year.InterimShareAtYearEnd);
            csv.WriteField(year.MeanCompletedTenureMonths);
            csv.WriteField(year.MedianTenureMonths);
            csv.WriteField(year.ConsecutiveYearsRising);
            csv.WriteField(ToDateCell(year.ToDate));
            csv.NextRecord();
        }
    }

    /// <summary><c>true</c> or <c>false</c>, as JSON writes it.</summary>
    public static string ToDateCell(bool toDate) => toDate ? "true" : "false";

    /// <summary>
    /// The same columns as <see cref="WriteCsv(TextWriter, IEnumerable{TurnoverFigures})"/>, with
    /// <see cref="Disclosed.Symbol"/> in the cell of each suppressed figure.
    /// </summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<DisclosedTurnoverFigures> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        using var csv = Upon.Shared.Files.SafeCsv.CreateWriter(writer);
        WriteHeader(csv);
        foreach (var year in years)
        {
            // Disclosed<T>.ToString gives the symbol, or the value as CsvHelper writes it: invariant, shortest round-trip.
            csv.WriteField(year.FinancialYear);
            csv.WriteField(year.LocalAuthorities.ToString());
            csv.WriteField(year.Changes.ToString());
            csv.WriteField(year.AuthoritiesWithChange.ToString());
            csv.WriteField(year.AuthoritiesWithUnplannedChange.ToString());
            csv.WriteField(year.UnplannedChangeRate.ToString());
            csv.WriteField(year.FirstTimeDirectors.ToString());
            csv.WriteField(year.InterimShareAtYearEnd.ToString());
            csv.WriteField(year.MeanCompletedTenureMonths.ToString());
            csv.WriteField(year.MedianTenureMonths.ToString());
            csv.WriteField(year.ConsecutiveYearsRising.ToString());
            csv.WriteField(ToDateCell(year.ToDate));
            csv.NextRecord();
        }
    }
}
