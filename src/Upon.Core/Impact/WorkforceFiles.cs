using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Upon.Core.Equality;

namespace Upon.Core.Impact;

/// <summary>An error in a reference file: the line (1 is the header), the column's name and why.</summary>
public sealed record WorkforceFileError(int Line, string Column, string Message)
{
    /// <summary>"line 3, column inpost_headcount: ...".</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>A reference file read whole: its rows, or every error (and then no rows).</summary>
public sealed record WorkforceFileResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<WorkforceFileError> Errors)
{
    /// <summary>Whether the file was read without an error.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads the publishers' own files: DfE's children's social work workforce by ethnicity and role (the columns of
/// <c>dfe_csww_ethnicity_national_regional_by_role_2019_2025.csv</c>) and ONS's Census 2021 "Ethnic group
/// (20 categories)" tables for countries, regions or upper-tier local authorities. All or nothing: any error and no row
/// is returned, every error named by line and column.
/// </summary>
public static class WorkforceFiles
{
    /// <summary>The columns the workforce file must have (others, such as the FTE columns, are ignored).</summary>
    public static readonly IReadOnlyList<string> WorkforceColumns =
        ["time_period", "geographic_level", "country_code", "region_code", "region_name", "role", "breakdown_topic", "breakdown", "inpost_headcount"];

    /// <summary>The groups a workforce row may give besides DfE's major groups.</summary>
    public static readonly IReadOnlyList<string> Totals = ["Total", "Known", "Not known"];

    /// <summary>The largest headcount or population a cell may give.</summary>
    public const long MaxCount = 100_000_000;

    /// <summary>Reads DfE's workforce file. National and regional rows only: a local authority's is an error.</summary>
    public static WorkforceFileResult<WorkforceEthnicityRow> ReadWorkforce(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<WorkforceFileError>();
        var rows = new List<WorkforceEthnicityRow>();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            return new([], [new WorkforceFileError(1, "(header)", "the file is empty")]);
        }
        var header = csv.HeaderRecord ?? [];
        foreach (var missing in WorkforceColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new WorkforceFileError(1, missing, "the column is missing"));
        }
        if (errors.Count > 0)
        {
            return new([], errors);
        }
        var seen = new HashSet<(int, string, string, string)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string name) => (csv.GetField(name) ?? "").Trim();
            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new WorkforceFileError(line, column, message));
            if (csv.Parser.Record?.Any(f => ControlCharacters.Contains(f)) == true)
            {
                Error("(row)", "the row holds a control character");
                continue;
            }
            var yearText = Field("time_period");
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            {
                Error("time_period", $"'{yearText}' is not a year from 2000 to 2100");
            }
            var level = Field("geographic_level");
            string areaCode = "", areaName = "";
            switch (level)
            {
                case "National":
                    areaCode = Field("country_code");
                    areaName = "England";
                    break;
                case "Regional":
                    areaCode = Field("region_code");
                    areaName = Field("region_name");
                    break;
                default:
                    Error("geographic_level", $"'{level}' is not National or Regional");
                    break;
            }
            if (level is "National" or "Regional" && !IsGss(areaCode))
            {
                Error(level == "National" ? "country_code" : "region_code", $"'{areaCode}' is not a GSS code such as E92000001");
            }
            var role = Field("role");
            if (!WorkforceRole.All.Contains(role, StringComparer.Ordinal))
            {
                Error("role", $"'{role}' is not one of DfE's roles ({string.Join(", ", WorkforceRole.All)})");
            }
            if (Field("breakdown_topic") != "Ethnicity major")
            {
                Error("breakdown_topic", $"'{Field("breakdown_topic")}' is not Ethnicity major");
            }
            var group = Ethnicity.Normalise(Field("breakdown"));
            if (!Totals.Contains(group, StringComparer.Ordinal) && !Ethnicity.MajorGroups.Contains(group, StringComparer.Ordinal))
            {
                Error("breakdown", $"'{Field("breakdown")}' is not an ethnic major group, Total, Known or Not known");
            }
            var headcount = Count(Field("inpost_headcount"), "inpost_headcount", Error);
            if (errors.Count == before)
            {
                if (!seen.Add((year, areaCode, role, group)))
                {
                    Error("breakdown", $"{year}, {areaName}, {role}, {group} is given twice");
                    continue;
                }
                rows.Add(new WorkforceEthnicityRow(year, level, areaCode, areaName, role, group, headcount is { } h ? (int)h : null));
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new WorkforceFileError(2, "(row)", "the file has no rows"));
        }
        return errors.Count > 0 ? new([], errors) : new(rows, []);
    }

    /// <summary>
    /// Reads one of ONS's Census 2021 "Ethnic group (20 categories)" tables: five columns, the first two the area's
    /// code and name, whose heading says the level (<c>Countries Code</c>, <c>Regions Code</c>, <c>2023 Upper tier local
    /// authorities Code</c>).
    /// </summary>
    public static WorkforceFileResult<CensusEthnicityRow> ReadCensus(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<WorkforceFileError>();
        var rows = new List<CensusEthnicityRow>();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            return new([], [new WorkforceFileError(1, "(header)", "the file is empty")]);
        }
        var header = csv.HeaderRecord ?? [];
        string? level = header.Length == 5 ? header[0] switch
        {
            "Countries Code" => "Country",
            "Regions Code" => "Region",
            var h when h.EndsWith("Upper tier local authorities Code", StringComparison.Ordinal) => "UTLA",
            _ => null,
        } : null;
        if (level is null || header[2] != "Ethnic group (20 categories) Code" || header[3] != "Ethnic group (20 categories)" || header[4] != "Observation")
        {
            return new([], [new WorkforceFileError(1, "(header)",
                "the header is not ONS's: area code (Countries Code, Regions Code or ... Upper tier local authorities Code), area name, Ethnic group (20 categories) Code, Ethnic group (20 categories), Observation")]);
        }
        var seen = new HashSet<(string, int)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new WorkforceFileError(line, column, message));
            if (csv.Parser.Record?.Any(f => ControlCharacters.Contains(f)) == true)
            {
                Error("(row)", "the row holds a control character");
                continue;
            }
            var code = (csv.GetField(0) ?? "").Trim();
            var name = (csv.GetField(1) ?? "").Trim();
            var categoryText = (csv.GetField(2) ?? "").Trim();
            var category = (csv.GetField(3) ?? "").Trim();
            if (!IsGss(code))
            {
                Error(header[0], $"'{code}' is not a GSS code such as E06000001");
            }
            if (name.Length is 0 or > 200)
            {
                Error(header[1], "the area's name is empty or longer than 200 characters");
            }
            if (!int.TryParse(categoryText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var categoryCode) || categoryCode is not (-8 or (>= 1 and <= 19)))
            {
                Error(header[2], $"'{categoryText}' is not a category code (-8, or 1 to 19)");
            }
            else if (categoryCode > 0 && CensusEthnicityRow.MajorGroupOf(category) is null)
            {
                Error(header[3], $"'{category}' does not name an ethnic group");
            }
            var observation = Count((csv.GetField(4) ?? "").Trim(), header[4], Error, allowSuppressed: false);
            if (errors.Count == before)
            {
                if (!seen.Add((code, categoryCode)))
                {
                    Error(header[2], $"{code} category {categoryCode} is given twice");
                    continue;
                }
                rows.Add(new CensusEthnicityRow(level, code, name, categoryCode, category, observation ?? 0));
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new WorkforceFileError(2, "(row)", "the file has no rows"));
        }
        return errors.Count > 0 ? new([], errors) : new(rows, []);
    }

    private static bool IsGss(string code) =>
        code.Length == 9 && char.IsAsciiLetterUpper(code[0]) && code.Skip(1).All(char.IsAsciiDigit);

    private static long? Count(string text, string column, Action<string, string> error, bool allowSuppressed = true)
    {
        if (allowSuppressed && text is "x" or "z" or "c" or "low" or "u")
        {
            return null;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxCount)
        {
            error(column, $"'{text}' is not a whole number from 0 to {MaxCount:N0}" + (allowSuppressed ? " (or x or z where DfE withheld it)" : ""));
            return null;
        }
        return count;
    }
}
