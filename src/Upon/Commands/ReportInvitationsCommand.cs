using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.NewDirectors;
using Upon.Register;

namespace Upon.Commands;

/// <summary><c>upon report invitations --format json|csv|table [--year 2023-24]</c>: the New Directors invitation figures.</summary>
public static class ReportInvitationsCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json, csv or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var year = new Option<string?>("--year") { Description = "One financial year, e.g. 2023-24; every year when left out." };
        var command = new Command("invitations", "New Directors invitation figures per financial year of the first post's start (definitions in the README).") { format, year };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FinancialYear? only = null;
            if (parse.GetValue(year) is { } text)
            {
                only = FinancialYear.TryParse(text, out var parsed) ? parsed : throw new CommandException($"'{text}' is not a financial year: use the form 2023-24.");
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var years = await scope.ServiceProvider.GetRequiredService<InvitationReport>().AllYearsAsync(cancellationToken);
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
                    InvitationReport.WriteCsv(Console.Out, years);
                    break;
                default:
                    WriteTable(years, FinancialYear.Containing(Upon.Core.Time.TodayInLondon(scope.ServiceProvider.GetRequiredService<NodaTime.IClock>())).Label);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<InvitationYearFigures> years, string currentYear)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe or file has no width: keep each year on one line rather than wrapping at 80 columns.
            AnsiConsole.Profile.Width = 240;
        }
        var table = new Table().Title("New Directors invitations by financial year of the first post's start");
        foreach (var column in new[] { "Year", "First-time", "Invited", "Within 14 days", "Within 14 days rate", "Median days to invitation", "Accepted", "Declined", "Awaiting answer", "Recorded late", "Median days late" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }
        static string N(double? v, Func<double, string> format) => v is { } value ? format(value) : "-";
        foreach (var f in years)
        {
            table.AddRow(FigureFormat.Year(f.FinancialYear, f.FinancialYear == currentYear), $"{f.FirstTimeDirectors}", $"{f.Invited}", $"{f.InvitedWithin14Days}", N(f.InvitedWithin14DaysRate, FigureFormat.Percent),
                N(f.MedianDaysToInvitation, FigureFormat.Average), $"{f.Accepted}", $"{f.Declined}", $"{f.AwaitingAnswer}", $"{f.RecordedLate}", N(f.MedianDaysRecordedLate, FigureFormat.Average));
        }
        AnsiConsole.Write(table);
    }
}
