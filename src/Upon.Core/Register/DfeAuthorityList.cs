using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Register;

/// <summary>
/// Reads DfE's published list of local authorities (the columns of <c>las.csv</c> in
/// dfe-analytical-services/dfe-published-data-qa) into authorities keyed by DfE number.
/// </summary>
/// <remarks>
/// Rows without a three-digit DfE number (the 2009 counties marked <c>x</c>), the BFPO row (GSS code <c>z</c>) and the combined rows
/// DfE uses for joint returns (<c>E09000021 / E09000027</c>) are not authorities and are skipped. GSS codes began on
/// 2009-01-01, so an authority whose first code starts that day has no start bound.
/// </remarks>
public static class DfeAuthorityList
{
    /// <summary>The day GSS codes began; an authority whose first code starts then may be older.</summary>
    public static readonly LocalDate GssEpoch = new(2009, 1, 1);

    /// <summary>The column names the file must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["new_la_code", "la_name", "date_of_operation", "date_of_termination", "parent_geography_code", "status", "old_la_code"];

    private static readonly LocalDatePattern DfeDate = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    /// <summary>Parses the file; throws <see cref="FormatException"/> naming the line and column of the first problem.</summary>
    public static IReadOnlyList<AuthorityReference> Parse(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectDelimiter = false };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new FormatException("The authorities file is empty.");
        }
        var header = csv.HeaderRecord ?? [];
        var missing = RequiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The authorities file is missing the column(s): {string.Join(", ", missing)}.");
        }

        var codes = new List<(string LaCode, GssCode Gss)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            for (var i = 0; i < csv.Parser.Count; i++)
            {
                if (csv.Parser[i] is { } cell && ControlCharacters.Contains(cell))
                {
                    throw new FormatException($"Line {line}, column {csv.HeaderRecord?.ElementAtOrDefault(i) ?? (i + 1).ToString(CultureInfo.InvariantCulture)}: the value {ControlCharacters.Problem(cell)}.");
                }
            }
            var laCode = csv.GetField("old_la_code")?.Trim() ?? "";
            var gss = csv.GetField("new_la_code")?.Trim() ?? "";
            if (!IsDfeNumber(laCode) || !IsGssCode(gss))
            {
                continue;
            }
            var from = ParseDate(csv.GetField("date_of_operation"), line, "date_of_operation")
                ?? throw new FormatException($"Line {line}, column date_of_operation: a start date is required.");
            var to = ParseDate(csv.GetField("date_of_termination"), line, "date_of_termination");
            if (to < from)
            {
                throw new FormatException($"Line {line}: date_of_termination is before date_of_operation.");
            }
            codes.Add((laCode, new GssCode(gss, csv.GetField("la_name")?.Trim() ?? "", csv.GetField("parent_geography_code")?.Trim() ?? "", from, to)));
        }

        return [.. codes
            .GroupBy(c => c.LaCode)
            .Select(g => ToAuthority(g.Key, [.. g.Select(c => c.Gss).DistinctBy(c => (c.Code, c.ValidFrom)).OrderBy(c => c.ValidFrom).ThenBy(c => c.Code, StringComparer.Ordinal)]))
            .OrderBy(a => a.Code, StringComparer.Ordinal)];
    }

    private static AuthorityReference ToAuthority(string code, IReadOnlyList<GssCode> gssCodes)
    {
        var first = gssCodes[0];
        var latest = gssCodes.OrderBy(c => c.ValidTo ?? LocalDate.MaxIsoValue).ThenBy(c => c.ValidFrom).Last();
        var from = first.ValidFrom == GssEpoch ? (LocalDate?)null : first.ValidFrom;
        var to = gssCodes.Any(c => c.ValidTo is null) ? null : gssCodes.Max(c => c.ValidTo);
        return new AuthorityReference(code, latest.Name, latest.RegionCode, new OperatingPeriod(from, to), gssCodes);
    }

    private static bool IsDfeNumber(string code) => code.Length == 3 && code.All(char.IsAsciiDigit);

    private static bool IsGssCode(string code) => code.Length == 9 && code[0] == 'E' && code[1..].All(char.IsAsciiDigit);

    private static LocalDate? ParseDate(string? text, long line, string column)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = DfeDate.Parse(text.Trim());
        return result.Success
            ? result.Value
            : throw new FormatException($"Line {line}, column {column}: '{text}' is not a date in the form dd/mm/yyyy.");
    }
}
