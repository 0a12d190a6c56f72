using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.DataProtection;
using Upon.Shared.Privacy;
using Upon.Shared.Text;

namespace Upon.Commands;

/// <summary>
/// <c>upon privacy export EMAIL --output FILE.zip</c>, <c>upon privacy erase EMAIL [--yes]</c>,
/// <c>upon privacy purge [--as-of DATE] [--dry-run]</c> and <c>upon privacy map</c>: a person's data rights and the
/// retention policy, for operators (see README, "Privacy").
/// </summary>
public static class PrivacyCommands
{
    public static Command Create() => new("privacy", "People's data: subject access, erasure and retention by the data map.")
    {
        Export(), Erase(), Purge(), Map(),
    };

    private static DataSubject SubjectOf(string text)
    {
        var email = text.Trim();
        if (!EmailAddresses.IsValid(email))
        {
            throw new CommandException($"'{text}' is not an email address");
        }
        return new DataSubject(email);
    }

    private static Command Export()
    {
        var email = new Argument<string>("EMAIL") { Description = "The person's email address." };
        var output = new Option<string>("--output") { Description = "The ZIP file to write.", Required = true };
        var command = new Command("export", "Write everything Upon holds about a person to a ZIP file (a subject access response).") { email, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var subject = SubjectOf(parse.GetValue(email)!);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            await using var zip = await scope.ServiceProvider.GetRequiredService<SubjectAccessExport>().ZipAsync(subject, "Subject access (command line)", cancellationToken)
                ?? throw new CommandException($"Upon holds nothing about {subject.Email}; no file was written", exitCode: 1);
            await File.WriteAllBytesAsync(path, zip.ToArray(), cancellationToken);
            Console.WriteLine($"Wrote everything Upon holds about {subject.Email} to {path}.");
            return 0;
        });
        return command;
    }

    private static Command Erase()
    {
        var email = new Argument<string>("EMAIL") { Description = "The person's email address." };
        var yes = new Option<bool>("--yes") { Description = "Erase. Without it the command only shows what would go and what is kept." };
        var command = new Command("erase", "Show what erasing a person does, and with --yes erase them.") { email, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var subject = SubjectOf(parse.GetValue(email)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var personalData = scope.ServiceProvider.GetRequiredService<PersonalData>();
            var (lines, audit) = await personalData.PreviewAsync(subject, cancellationToken);
            if (lines.All(l => l.Rows == 0) && audit == 0)
            {
                throw new CommandException($"Upon holds nothing about {subject.Email}", exitCode: 1);
            }
            Console.WriteLine($"Erasing {subject.Email}:");
            foreach (var line in lines.Where(l => l.Rows > 0))
            {
                var what = line.Deleted ? "deleted" : line.ColumnsErased.Count == 0 ? "kept" : $"kept, {string.Join(", ", line.ColumnsErased)} erased";
                Console.WriteLine($"  {line.Table}: {line.Rows} {(line.Rows == 1 ? "row" : "rows")} {what}. {line.Why}");
            }
            Console.WriteLine($"  audit_events: {audit} entries about or by them shredded (values replaced with a pseudonym, never deleted).");
            if (!parse.GetValue(yes))
            {
                Console.WriteLine("Nothing was erased. Run again with --yes to erase.");
                return 0;
            }
            var result = await personalData.EraseAsync(subject, "Erased on request (command line)", cancellationToken);
            Console.WriteLine(result is null
                ? "Nothing was left to erase."
                : $"Erased: {result.Rows} rows in {result.Tables} tables, {result.AuditEntriesShredded} audit entries shredded. The person is now {result.Pseudonym}.");
            return 0;
        });
        return command;
    }

    private static Command Purge()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Act as if today were this date (YYYY-MM-DD); today in London when left out." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list what is due; erase nothing." };
        var command = new Command("purge", "Apply the data map's retention periods: list what is due, then erase it.") { asOf, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LocalDate? day = null;
            using var host = await CommandHost.StartAsync(cancellationToken);
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                day = parsed.Success ? parsed.Value : throw new CommandException($"'{text}' is not a date: use the form 2026-11-25");
                var today = host.Services.GetRequiredService<IClock>().TodayInLondon();
                if (PlausibleDates.CheckSessionDate(day.Value, today, "The --as-of date") is { } error)
                {
                    throw new CommandException(error);
                }
            }
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAsync(day, parse.GetValue(dryRun), cancellationToken);
            var date = LocalDatePattern.Iso.Format(report.AsOf);
            Console.WriteLine(report.Due.Count == 0 ? $"Nothing is due for erasure on {date}." : $"Due for erasure on {date}:");
            foreach (var line in report.Due)
            {
                Console.WriteLine($"  {line}");
            }
            if (report.DryRun)
            {
                Console.WriteLine("Dry run: nothing was erased.");
                return 0;
            }
            foreach (var line in report.Done)
            {
                Console.WriteLine($"Done: {line}");
            }
            return 0;
        });
        return command;
    }

    private static Command Map()
    {
        var command = new Command("map", "Print the data map as the README's privacy section (Markdown).");
        command.SetAction(_ =>
        {
            Console.Write(DataMapDocument.Markdown());
            return 0;
        });
        return command;
    }
}
