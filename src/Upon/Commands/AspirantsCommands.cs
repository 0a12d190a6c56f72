using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Upon.Aspirants;
using Upon.Register;

namespace Upon.Commands;

/// <summary>
/// <c>upon aspirants import applications COHORT FILE.csv</c>, <c>upon aspirants import reviews COHORT FILE.csv</c> and
/// <c>upon report aspirants --cohort NAME [--format json|csv|table]</c> and <c>upon aspirants run</c>.
/// </summary>
public static class AspirantsCommands
{
    public static Command Create() => new("aspirants", "Aspirant Directors: load past cohorts' applications and reviews; the scheduled run.")
    {
        new Command("import", "Import a cohort's applications or reviews from CSV (all or nothing).") { ImportApplications(), ImportReviews() },
        Run(),
    };

    /// <summary>
    /// <c>upon aspirants run</c>: what the web app does every <c>Aspirants:EndorsementRunMinutes</c> (endorsement reminders,
    /// overdue offers, completion), then delivers the outbox. Safe beside the app or another run.
    /// </summary>
    private static Command Run()
    {
        var command = new Command("run", "Send due endorsement reminders, expire overdue offers (offering their places to the waiting list), record completion, and deliver the email.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            var result = await host.Services.GetRequiredService<Upon.Aspirants.Apply.EndorsementRunner>().RunAsync(cancellationToken);
            Console.WriteLine($"{result.Reminded} endorsement reminders, {result.Expired} offers expired, {result.Completed} completions recorded.");
            var sender = host.Services.GetRequiredService<Upon.Email.OutboxSender>();
            var delivered = 0;
            for (int batch; (batch = await sender.SendDueAsync(cancellationToken)) > 0;)
            {
                delivered += batch;
            }
            Console.WriteLine($"{delivered} emails delivered.");
            return 0;
        });
        return command;
    }

    private static Command ImportApplications()
    {
        var cohort = new Argument<string>("COHORT") { Description = "The cohort's name, like 2024-25 (created if it does not exist)." };
        var file = new Argument<string>("FILE") { Description = $"A CSV file: {string.Join(",", ApplicationImporter.Columns)}." };
        var command = new Command("applications", "Import a cohort's applications (all or nothing).") { cohort, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var reader = CommandHost.OpenText(parse.GetValue(file)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ApplicationImporter>().ImportAsync(parse.GetValue(cohort)!, reader, cancellationToken);
            if (!result.Succeeded) return await FailAsync(result.Errors);
            Console.WriteLine($"{result.Rows} applications: {result.Added} added, {result.Updated} updated{(result.CohortCreated ? "; cohort created" : "")}.");
            return 0;
        });
        return command;
    }

    private static Command ImportReviews()
    {
        var cohort = new Argument<string>("COHORT") { Description = "The cohort's name (its applications imported first)." };
        var file = new Argument<string>("FILE") { Description = $"A CSV file: {string.Join(",", ReviewImporter.Columns)} (one row per criterion)." };
        var command = new Command("reviews", "Import a cohort's submitted reviews (all or nothing; reviewers created if new).") { cohort, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var reader = CommandHost.OpenText(parse.GetValue(file)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReviewImporter>().ImportAsync(parse.GetValue(cohort)!, reader, cancellationToken);
            if (!result.Succeeded) return await FailAsync(result.Errors);
            Console.WriteLine($"{result.Rows} scores: {result.Added} reviews added, {result.Updated} replaced; {result.ReviewersAdded} new reviewers; {result.CriteriaAdded} new criteria.");
            return 0;
        });
        return command;
    }

    /// <summary><c>upon report aspirants --cohort NAME [--format json|csv|table]</c>.</summary>
    public static Command Report()
    {
        var cohort = new Option<string>("--cohort") { Description = "The cohort's name, like 2027-28.", Required = true };
        var format = new Option<string>("--format") { Description = "json, csv or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("aspirants", "An Aspirant Directors cohort's funnel by ethnicity group and each application's raw and calibrated score and rank (definitions in the README).") { cohort, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var funnels = scope.ServiceProvider.GetRequiredService<AspirantFunnel>();
            var name = parse.GetValue(cohort)!;
            var found = await funnels.FindCohortAsync(name, cancellationToken) ?? throw new CommandException($"there is no cohort named '{name}'.");
            var funnel = await funnels.LoadAsync(found.Id, "upon report aspirants", cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(AspirantReport.Json(funnel));
                    break;
                case "csv":
                    AspirantReport.WriteCsv(Console.Out, funnel);
                    break;
                default:
                    WriteTable(funnel);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(CohortFunnel funnel)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        var stages = new Table().Title($"Aspirant Directors {Markup.Escape(funnel.Cohort.Name)}: the funnel").AddColumns("Stage", "Total", "White", "Global majority", "Unknown", "Relative likelihood (White)");
        foreach (var stage in FunnelStages.All)
        {
            stages.AddRow(
                stage, N(funnel.Count(stage)), N(funnel.Count(stage, EthnicityGroup.White)), N(funnel.Count(stage, EthnicityGroup.GlobalMajority)),
                N(funnel.Count(stage, EthnicityGroup.Unknown)), funnel.RelativeLikelihoodWhite(stage) is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-");
        }
        console.Write(stages);
        var applications = new Table().Title("Applications").AddColumns("Application", "Raw score", "Calibrated score", "Rank", "Flagged");
        foreach (var (application, score) in AspirantReport.Applications(funnel))
        {
            applications.AddRow(
                Markup.Escape(application.ApplicationId), F(score?.RawScore), F(score?.Score),
                score?.Rank is { } rank ? (score.Tied ? $"={rank}" : rank.ToString(CultureInfo.InvariantCulture)) : "-",
                score?.Flagged == true ? "yes" : "");
        }
        console.Write(applications);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static async Task<int> FailAsync(IReadOnlyList<ImportError> errors)
    {
        foreach (var error in errors) await Console.Error.WriteLineAsync(error.ToString());
        await Console.Error.WriteLineAsync($"{errors.Count} error(s): nothing was imported.");
        return 1;
    }
}
