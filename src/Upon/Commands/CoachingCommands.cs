using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Register;

namespace Upon.Commands;

/// <summary>
/// <c>upon coaching import coaches FILE.csv</c>, <c>upon coaching import requests ROUND FILE.csv</c> and
/// <c>upon coaching match ROUND [--format json|table]</c>.
/// </summary>
public static class CoachingCommands
{
    public static Command Create() => new("coaching", "The coaching pool, requests and matching rounds.")
    {
        new Command("import", "Import coaches or a round's requests from CSV (all or nothing).") { ImportCoaches(), ImportRequests() },
        Match(),
    };

    private static Command ImportCoaches()
    {
        var file = new Argument<string>("FILE") { Description = $"A CSV file: {string.Join(",", CoachingCsv.CoachColumns)}." };
        var command = new Command("coaches", "Add or update coaches in the pool (all or nothing).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var reader = CommandHost.OpenText(parse.GetValue(file)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CoachImporter>().ImportAsync(reader, cancellationToken);
            if (!result.Succeeded) return await FailAsync(result.Errors);
            Console.WriteLine($"{result.Rows} coaches: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged.");
            return 0;
        });
        return command;
    }

    private static Command ImportRequests()
    {
        var round = new Argument<string>("ROUND") { Description = "The round's name (created if it does not exist)." };
        var file = new Argument<string>("FILE") { Description = $"A CSV file: {string.Join(",", CoachingCsv.RequestColumns)}." };
        var command = new Command("requests", "Import a round's coaching requests (all or nothing).") { round, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var reader = CommandHost.OpenText(parse.GetValue(file)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RequestImporter>().ImportAsync(parse.GetValue(round)!, reader, cancellationToken);
            if (!result.Succeeded) return await FailAsync(result.Errors);
            Console.WriteLine($"{result.Rows} requests: {result.Added} added, {result.Replaced} replaced; {result.ParticipantsAdded} new participants{(result.RoundCreated ? "; round created" : "")}.");
            return 0;
        });
        return command;
    }

    private static Command Match()
    {
        var round = new Argument<string>("ROUND") { Description = "The round's name." };
        var format = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("match", "Run a round (locked pairs kept, forbidden ones excluded) and print the proposals; they stay pending until published.") { round, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var matching = scope.ServiceProvider.GetRequiredService<MatchingService>();
            var name = parse.GetValue(round)!;
            var id = await matching.FindRoundAsync(name, cancellationToken) ?? throw new CommandException($"there is no round named '{name}'.");
            MatchingResult result;
            LoadedRound loaded;
            try
            {
                (loaded, result) = await matching.RunAsync(id, cancellationToken);
            }
            catch (CoachingRuleException e)
            {
                throw new CommandException(e.Message);
            }

            // The reasons name participants' wishes (special-category data): printing them is a view, audited as the round page's is.
            await scope.ServiceProvider.GetRequiredService<Upon.Audit.AuditLog>().RecordViewAsync(nameof(MatchingRound),
                id.ToString(System.Globalization.CultureInfo.InvariantCulture), "coaching requests and proposals of the round, printed by upon coaching match", cancellationToken);
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(MatchJson.Write(loaded.Round.Name, result));
                // The JSON's shape is the contract: the locks not kept go to standard error, one sentence a line.
                foreach (var dropped in loaded.DroppedLocks) await Console.Error.WriteLineAsync(dropped.Sentence);
            }
            else
            {
                WriteTable(loaded, result);
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(LoadedRound loaded, MatchingResult result)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.WriteLine($"Round {loaded.Round.Name}: {result.Matched} of {loaded.Problem.Requests.Count} matched, total score {result.TotalScore}.");
        // Written as they are, not wrapped to the console's width, so that each sentence stays on one line.
        foreach (var dropped in loaded.DroppedLocks) Console.Out.WriteLine(dropped.Sentence);
        var pairs = new Table().AddColumns("Participant", "Coach", "Score", "Reasons");
        foreach (var pair in result.Pairs)
        {
            pairs.AddRow(Markup.Escape(pair.Participant), Markup.Escape(pair.Coach), pair.Score.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(string.Join(" ", pair.Reasons)));
        }

        console.Write(pairs);
        if (result.Unmatched.Count == 0) return;
        var unmatched = new Table().AddColumns("Unmatched", "Reasons");
        foreach (var u in result.Unmatched) unmatched.AddRow(Markup.Escape(u.Participant), Markup.Escape(string.Join(" ", u.Reasons)));
        console.Write(unmatched);
    }

    private static async Task<int> FailAsync(IReadOnlyList<ImportError> errors)
    {
        foreach (var error in errors) await Console.Error.WriteLineAsync(error.ToString());
        await Console.Error.WriteLineAsync($"{errors.Count} error(s): nothing was imported.");
        return 1;
    }
}

/// <summary>
/// The JSON printed by <c>upon coaching match ROUND --format json</c>:
/// <c>{"round", "matched", "totalScore", "pairs": [{"participant", "coach", "score", "reasons"}], "unmatched": [{"participant", "reasons"}]}</c>.
/// </summary>
public static class MatchJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(string round, MatchingResult result) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["round"] = round,
        ["matched"] = result.Matched,
        ["totalScore"] = result.TotalScore,
        ["pairs"] = result.Pairs.Select(p => new Dictionary<string, object>
        {
            ["participant"] = p.Participant,
            ["coach"] = p.Coach,
            ["score"] = p.Score.Total,
            ["reasons"] = p.Reasons,
        }).ToList(),
        ["unmatched"] = result.Unmatched.Select(u => new Dictionary<string, object>
        {
            ["participant"] = u.Participant,
            ["reasons"] = u.Reasons,
        }).ToList(),
    }, Options);
}
