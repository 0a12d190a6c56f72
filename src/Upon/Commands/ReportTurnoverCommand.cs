using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Upon.Core;
using Upon.Core.Register;
using Upon.Register;

namespace Upon.Commands;

/// <summary><c>upon report turnover --format json|csv|table [--year 2023-24]</c>.</summary>
public static class ReportTurnoverCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json, csv or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var year = new Option<string?>("--year") { Description = "One financial year, e.g. 2023-24; every year when left out." };
        var command = new Command("turnover", "DCS turnover figures per financial year (definitions in the README).") { format, year };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FinancialYear? only = null;
            if (parse.GetValue(year) is { } text)
            {
                only = FinancialYear.TryParse(text, out var parsed) ? parsed : throw new CommandException($"'{text}' is not a financial year: use the form 2023-24.");
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var report = scope.ServiceProvider.GetRequiredService<TurnoverReport>();
            var years = await report.AllYearsAsync(cancellationToken);
            if (only is { } y)
            {
                years = [.. years.Where(f => f.FinancialYear == y.Label)];
                if (years.Count == 0)
                {
                    throw new CommandException($"the register has no data for {y.Label}.");
                }
            }
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(only is null ? JsonSerializer.Serialize(years, TurnoverReport.Json) : JsonSerializer.Serialize(years[0], TurnoverReport.Json));
                    break;
                case "csv":
                    TurnoverReport.WriteCsv(Console.Out, years);
                    break;
                default:
                    WriteTable(years, FinancialYear.Containing(Upon.Core.Time.TodayInLondon(scope.ServiceProvider.GetRequiredService<NodaTime.IClock>())).Label);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<TurnoverFigures> years, string currentYear)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe or file has no width: keep each year on one line rather than wrapping at 80 columns.
            AnsiConsole.Profile.Width = 240;
        }
        var table = new Table().Title("DCS turnover by financial year");
        foreach (var column in new[] { "Year", "LAs", "Changes", "LAs with change", "LAs unplanned", "Unplanned rate", "First-time", "Interim share", "Mean completed (months)", "KM median (months)", "Years rising" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }
        static string N(double? v, Func<double, string> format) => v is { } value ? format(value) : "-";
        foreach (var f in years)
        {
            table.AddRow(FigureFormat.Year(f.FinancialYear, f.FinancialYear == currentYear), $"{f.LocalAuthorities}", $"{f.Changes}", $"{f.AuthoritiesWithChange}", $"{f.AuthoritiesWithUnplannedChange}",
                N(f.UnplannedChangeRate, FigureFormat.Percent), $"{f.FirstTimeDirectors}", N(f.InterimShareAtYearEnd, FigureFormat.Percent),
                N(f.MeanCompletedTenureMonths, FigureFormat.Average), N(f.MedianTenureMonths, FigureFormat.Average), f.ConsecutiveYearsRising?.ToString(CultureInfo.InvariantCulture) ?? "-");
        }
        AnsiConsole.Write(table);
    }
}
