using System.Globalization;
using System.Text.Json;
using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Register;

namespace Upon.Tests.Register;

/// <summary>The turnover CSV and JSON as the funder gets them, without a database.</summary>
public sealed class TurnoverReportTests
{
    private static readonly TurnoverFigures[] Years =
    [
        new("2021-22", 152, 0, 0, 0, 0, 10, 0, null, null, null),
        new("2022-23", 152, 2, 2, 1, 0.0066, 2, 0.0066, 15.01, null, 1),
        new("2023-24", 153, 6, 6, 5, 0.0327, 6, 0.0131, 26.97, 26.97, 2) { ToDate = true },
    ];

    private static readonly TurnoverCounts[] Counts = [new(0, 0, 10), new(1, 2, 8), new(2, 6, 8)];

    private static string Csv(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    [Fact]
    public void WriteCsv_NothingSuppressed_IsTheExactCsv()
    {
        var disclosed = TurnoverDisclosure.Disclose(DisclosureRule.None, Years, Counts);

        Assert.Equal(Csv(w => TurnoverReport.WriteCsv(w, Years)), Csv(w => TurnoverReport.WriteCsv(w, disclosed)));
    }

    [Fact]
    public void WriteCsv_Suppressed_HasCInTheirCells()
    {
        var disclosed = TurnoverDisclosure.Disclose(new DisclosureRule(), Years, Counts);

        var lines = Csv(w => TurnoverReport.WriteCsv(w, disclosed)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Csv(w => TurnoverReport.WriteCsv(w, Years)).Split("\r\n")[0], lines[0]);
        Assert.Equal(
            [
                "2021-22,152,0,0,0,0,10,0,,,,false",
                "2022-23,152,c,c,c,c,c,c,c,,c,false",
                "2023-24,153,6,6,5,0.0327,6,c,26.97,26.97,c,true",
            ],
            lines[1..]);
    }

    [Fact]
    public void SuppressedFigures_AreNullAndNamedInJson()
    {
        var disclosed = TurnoverDisclosure.Disclose(new DisclosureRule(), Years, Counts);

        var json = JsonSerializer.SerializeToElement(SuppressedTurnoverFigures.From(disclosed[1]), TurnoverReport.Json);

        Assert.Equal(
            ["financialYear", "localAuthorities", "changes", "authoritiesWithChange", "authoritiesWithUnplannedChange", "unplannedChangeRate",
             "firstTimeDirectors", "interimShareAtYearEnd", "meanCompletedTenureMonths", "medianTenureMonths", "consecutiveYearsRising", "toDate", "suppressed"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(152, json.GetProperty("localAuthorities").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("changes").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("medianTenureMonths").ValueKind); // not available, so not listed
        Assert.Equal(
            ["changes", "authoritiesWithChange", "authoritiesWithUnplannedChange", "unplannedChangeRate", "firstTimeDirectors",
             "interimShareAtYearEnd", "meanCompletedTenureMonths", "consecutiveYearsRising"],
            json.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void NothingSuppressed_JsonHasTheExactValuesAndAnEmptyList()
    {
        var disclosed = TurnoverDisclosure.Disclose(new DisclosureRule(), Years, Counts);

        var json = JsonSerializer.SerializeToElement(SuppressedTurnoverFigures.From(disclosed[0]), TurnoverReport.Json);
        var exact = JsonSerializer.SerializeToElement(Years[0], TurnoverReport.Json);

        foreach (var field in exact.EnumerateObject())
        {
            Assert.Equal(field.Value.GetRawText(), json.GetProperty(field.Name).GetRawText());
        }
        Assert.Empty(json.GetProperty("suppressed").EnumerateArray());
    }
}
