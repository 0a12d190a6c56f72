using System.CommandLine;
using Spectre.Console;
using Upon.Core;
using Upon.Core.Impact;
using Upon.Impact;

namespace Upon.Commands;

/// <summary><c>upon report retention [--as-of YYYY-MM-DD] [--format json|table]</c>: the New Directors retention evaluation.</summary>
public static class ReportRetentionCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var asOf = new Option<string?>("--as-of") { Description = "The day to evaluate as of, YYYY-MM-DD; today when left out." };
        var command = new Command("retention",
            "The retention evaluation: Kaplan-Meier survival of first-time directors' tenures, New Directors participants against the rest, " +
            "with the log-rank test, overall and by first appointment type (definitions in the README).") { format, asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var evaluation = scope.ServiceProvider.GetRequiredService<RetentionEvaluation>();
            var (day, error) = evaluation.ParseAsOf(parse.GetValue(asOf));
            if (error is not null)
            {
                throw new CommandException(error);
            }
            var figures = await evaluation.FiguresAsync(day, cancellationToken);
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(RetentionJson.Write(RetentionJson.ToJson(figures)));
            }
            else
            {
                WriteTable(figures);
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(RetentionFigures figures)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }
        console.WriteLine($"Retention of first-time directors' tenures as of {figures.AsOf.ToIsoString()} (landmark: {figures.LandmarkDays} days)");
        var table = new Table().AddColumns("Tenures", "Group", "n", "Ended", "Median months", "12 months", "24 months", "36 months", "Log-rank chi-square", "p");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }
        void Add(string label, IReadOnlyList<RetentionGroupFigures> groups, LogRankFigures logRank)
        {
            foreach (var g in groups)
            {
                var first = g.Group == RetentionGroup.Participants;
                table.AddRow(
                    first ? label : "", RetentionNames.Of(g.Group), g.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    g.Events.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportCommand.Average(g.MedianMonths),
                    ReportCommand.Percent(g.Survival12), ReportCommand.Percent(g.Survival24), ReportCommand.Percent(g.Survival36),
                    first ? Statistic(logRank.ChiSquare) : "", first ? PValue(logRank.PValue) : "");
            }
        }
        Add("All", figures.Groups, figures.LogRank);
        foreach (var type in figures.ByType)
        {
            Add(type.Type == RetentionType.Permanent ? "Permanent" : "Interim or acting", type.Groups, type.LogRank);
        }
        console.Write(table);
    }

    private static string Statistic(double? value) => RetentionFormat.Statistic(value);

    private static string PValue(double? value) => RetentionFormat.PValue(value);
}
