using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Upon.Core;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.SessionFeedback;

namespace Upon.Commands;

/// <summary>
/// <c>upon report feedback [--strand SLUG] [--year 2026-27] [--format json|csv|table]</c>: session feedback for operators,
/// the mean reaction and learning ratings per financial year, per strand and year and per session, with response counts.
/// Means over fewer responses than the small-number threshold are withheld (c), as on the staff pages: feedback is
/// anonymous. Free-text comments are never printed: they are for the staff pages and the staff workbook only.
/// </summary>
public static class ReportFeedbackCommand
{
    public static Command Create()
    {
        var strand = new Option<string?>("--strand") { Description = "One strand, by its slug or name; every strand when left out." };
        var year = new Option<string?>("--year") { Description = "One financial year of the sessions' dates, e.g. 2026-27; every year when left out." };
        var format = new Option<string>("--format") { Description = "json, csv or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("feedback", "Session feedback: mean ratings per financial year, strand and session with response counts, withheld below the small-number threshold; no comments (definitions in the README).") { strand, year, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FinancialYear? only = null;
            if (parse.GetValue(year) is { } text)
            {
                only = FinancialYear.TryParse(text, out var parsed) ? parsed : throw new CommandException($"'{text}' is not a financial year: use the form 2026-27.");
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var report = scope.ServiceProvider.GetRequiredService<FeedbackReport>();
            (int Id, string Name)? found = null;
            if (parse.GetValue(strand) is { } name)
            {
                found = await report.FindStrandAsync(name, cancellationToken) ?? throw new CommandException($"there is no strand '{name}'.", 1);
            }
            var document = await report.BuildAsync(scope.ServiceProvider.GetRequiredService<FigureDisclosure>().Suppression, found, only, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(document, FeedbackReport.Json));
                    break;
                case "csv":
                    FeedbackReport.WriteCsv(Console.Out, document);
                    break;
                default:
                    WriteTables(document);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTables(FeedbackReportDocument report)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }
        console.WriteLine($"Means are withheld (c) over fewer than {report.Threshold.ToString(CultureInfo.InvariantCulture)} responses. Ratings run from 1 to 5. No comments are shown here.");
        var years = new Table().Title(Markup.Escape(report.Strand is null ? "The programme by financial year" : $"{report.Strand} by financial year")).AddColumns("Year", "Responses", "Reaction mean", "Learning mean");
        foreach (var y in report.Years)
        {
            years.AddRow(y.FinancialYear, N(y.Means.Answers), Mean(y.Means.ReactionMean, y.Means, "reactionMean"), Mean(y.Means.LearningMean, y.Means, "learningMean"));
        }
        console.Write(years);
        var strands = new Table().Title("Strands by financial year").AddColumns("Strand", "Year", "Responses", "Reaction mean", "Learning mean");
        foreach (var s in report.Strands)
        {
            strands.AddRow(Markup.Escape(s.Strand), s.FinancialYear, N(s.Means.Answers), Mean(s.Means.ReactionMean, s.Means, "reactionMean"), Mean(s.Means.LearningMean, s.Means, "learningMean"));
        }
        console.Write(strands);
        var sessions = new Table().Title("Sessions").AddColumns("Session", "Date", "Title", "Strand", "Asked", "Responses", "Reaction mean", "Learning mean");
        foreach (var s in report.Sessions)
        {
            sessions.AddRow(N(s.SessionId), s.Date, Markup.Escape(s.Title), Markup.Escape(s.Strand), N(s.Asked), N(s.Means.Answers),
                Mean(s.Means.ReactionMean, s.Means, "reactionMean"), Mean(s.Means.LearningMean, s.Means, "learningMean"));
        }
        console.Write(sessions);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Mean(double? value, FeedbackReportMeans means, string name) =>
        means.Suppressed.Contains(name) ? Core.Disclosure.Disclosed.Symbol : value is { } v ? FigureFormat.Average(v) : "-";
}
