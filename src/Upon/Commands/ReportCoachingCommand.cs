using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Upon.Coaching;
using Upon.Core.Disclosure;
using Upon.Register;
using static Upon.Commands.ReportCommand;

namespace Upon.Commands;

/// <summary>
/// <c>upon report coaching --format json|csv|table</c>: the coaching figures, exact, as staff get them from
/// <c>/api/reports/coaching</c> (one set of figures, not one per financial year, so no <c>--year</c>).
/// </summary>
public static class ReportCoachingCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json, csv or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("coaching", "Coaching figures: the pool, coachees, sessions and hours by strand and month, entitlement used, match rate and wishes met per round (definitions in the README).") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var figures = await scope.ServiceProvider.GetRequiredService<CoachingReport>().PublishedAsync(DisclosureRule.None, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(figures, TurnoverReport.Json));
                    break;
                case "csv":
                    CoachingReport.WriteCsv(Console.Out, figures);
                    break;
                default:
                    WriteTables(figures);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTables(CoachingReportFigures figures)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }
        AnsiConsole.WriteLine($"Coaches in the pool: {Number(figures.CoachesInPool)}");
        AnsiConsole.WriteLine($"Coachees: {Number(figures.Coachees)}");

        var strands = new Table().Title("Coaching by strand");
        foreach (var heading in new[] { "Strand", "Coachees", "Relationships", "Sessions", "Hours", "Entitlement used" })
        {
            strands.AddColumn(new TableColumn(heading).RightAligned());
        }
        var months = new Table().Title("Sessions delivered by strand and month");
        foreach (var heading in new[] { "Strand", "Month", "Sessions", "Hours" })
        {
            months.AddColumn(new TableColumn(heading).RightAligned());
        }
        foreach (var s in figures.Strands)
        {
            strands.AddRow(Markup.Escape(s.Strand), Number(s.Coachees), Number(s.Relationships), Number(s.Sessions), Hours(s.Hours), Percent(s.EntitlementUsed));
            foreach (var m in s.Months)
            {
                months.AddRow(Markup.Escape(s.Strand), m.Month, Number(m.Sessions), Hours(m.Hours));
            }
        }
        AnsiConsole.Write(strands);
        AnsiConsole.Write(months);

        var rounds = new Table().Title("Published matching rounds");
        foreach (var heading in new[] { "Round", "Requests", "Matched", "Match rate", "Must wishes", "Must met", "Must met rate", "Would like wishes", "Would like met", "Would like met rate" })
        {
            rounds.AddColumn(new TableColumn(heading).RightAligned());
        }
        foreach (var r in figures.Rounds)
        {
            rounds.AddRow(Markup.Escape(r.Round), Number(r.Requests), Number(r.Matched), Percent(r.MatchRate), Number(r.MustWishes), Number(r.MustWishesMet),
                Percent(r.MustWishesMetRate), Number(r.WouldLikeWishes), Number(r.WouldLikeWishesMet), Percent(r.WouldLikeWishesMetRate));
        }
        AnsiConsole.Write(rounds);
    }

    private static string Hours(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
