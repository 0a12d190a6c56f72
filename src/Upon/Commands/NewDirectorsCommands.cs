using System.CommandLine;
using Upon.Impact;

namespace Upon.Commands;

/// <summary><c>upon newdirectors import enrolments FILE.csv</c>: past New Directors participants, for the retention evaluation.</summary>
public static class NewDirectorsCommands
{
    public static Command Create() => new("newdirectors", "New Directors records.")
    {
        new Command("import", "Import New Directors records from CSV (all or nothing).") { ImportEnrolments() },
    };

    private static Command ImportEnrolments()
    {
        var file = new Argument<string>("FILE") { Description = $"A CSV file: {string.Join(",", RetentionEnrolmentImporter.Columns)}." };
        var command = new Command("enrolments",
            "Load past New Directors participants (the person from the register, the email, the day they accepted or enrolled), " +
            "all or nothing, so the retention evaluation covers them. No email is sent and no account is made.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var reader = CommandHost.OpenText(parse.GetValue(file)!);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RetentionEnrolmentImporter>().ImportAsync(reader, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }
                await Console.Error.WriteLineAsync($"{result.Errors.Count} error(s): nothing was imported.");
                return 1;
            }
            Console.WriteLine($"{result.Rows} enrolments: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged.");
            return 0;
        });
        return command;
    }
}
