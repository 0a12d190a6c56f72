using System.CommandLine;
using Upon.Impact;

namespace Upon.Commands;

/// <summary><c>upon import bali FILE.csv</c>: records BALI graduates (<c>email,given_name,family_name,cohort_year</c>), all or nothing.</summary>
public static class ImportBaliCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with the header email,given_name,family_name,cohort_year." };
        var command = new Command("bali", "Record graduates of the Black and Asian Leadership Initiative (BALI).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            using var reader = CommandHost.OpenText(path);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EqualityBaliImporter>().ImportAsync(reader, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"{Path.GetFileName(path)}: {error}");
                }
                await Console.Error.WriteLineAsync($"upon: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}; nothing was imported.");
                return 1;
            }
            Console.WriteLine($"BALI graduates: {result.Added} added, {result.Updated} updated.");
            return 0;
        });
        return command;
    }
}
