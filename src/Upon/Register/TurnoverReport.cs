using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Upon.Core.Register;

namespace Upon.Register;

/// <summary>The turnover figures as the command line, the API and the dashboard give them.</summary>
public sealed class TurnoverReport(RegisterQueries queries)
{
    /// <summary>The JSON field names: camelCase of <see cref="TurnoverFigures"/> (<c>financialYear</c>, <c>changes</c>, ...).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<TurnoverFigures>> AllYearsAsync(CancellationToken cancellationToken = default) =>
        (await queries.TurnoverAsync(cancellationToken)).Years(queries.Today);

    /// <summary>One year's figures, or null when the year is outside the register's data.</summary>
    public async Task<TurnoverFigures?> YearAsync(FinancialYear year, CancellationToken cancellationToken = default) =>
        (await AllYearsAsync(cancellationToken)).FirstOrDefault(f => f.FinancialYear == year.Label);

    public static void WriteCsv(TextWriter writer, IEnumerable<TurnoverFigures> years)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.Context.TypeConverterOptionsCache.GetOptions<double?>().NullValues.Add("");
        csv.WriteHeader<TurnoverFigures>();
        csv.NextRecord();
        csv.WriteRecords(years);
    }
}
