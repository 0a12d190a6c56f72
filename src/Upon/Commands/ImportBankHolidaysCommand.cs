using System.CommandLine;
using Upon.Core.Sessions;
using Upon.Sessions;

namespace Upon.Commands;

/// <summary>
/// <c>upon import bank-holidays FILE</c>: replaces the England and Wales bank holidays from a file in the format of GOV.UK's
/// feed, in one transaction. A file that cannot be read is rejected with one line and nothing is written.
/// </summary>
public static class ImportBankHolidaysCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A bank holidays file in the format of https://www.gov.uk/bank-holidays.json (its england-and-wales division is used)." };
        var command = new Command("bank-holidays", "Replace the England and Wales bank holidays from a GOV.UK bank holidays file.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            string json;
            using (var reader = CommandHost.OpenText(path))
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }
            // Read and check the whole file before touching the database: bad input writes nothing.
            BankHolidayCalendar calendar;
            try
            {
                calendar = BankHolidayCalendar.Parse(json);
            }
            catch (BankHolidayFormatException e)
            {
                await Console.Error.WriteLineAsync($"upon: {Path.GetFileName(path)}: {e.Message}; nothing was imported.");
                return 1;
            }
            if (BankHolidayImporter.Problem(calendar) is { } problem)
            {
                await Console.Error.WriteLineAsync($"upon: {Path.GetFileName(path)}: {problem}; nothing was imported.");
                return 1;
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<BankHolidayImporter>().ReplaceAsync(calendar, cancellationToken);
            var count = result.Count == 1 ? "1 bank holiday" : $"{result.Count} bank holidays";
            Console.WriteLine($"Loaded {count} in England and Wales, " +
                $"from {SessionFormat.ShortDateOf(result.First)} to {SessionFormat.ShortDateOf(result.Last)} ({result.Added} added, {result.Updated} updated, {result.Removed} removed).");
            return 0;
        });
        return command;
    }
}
