using System.CommandLine;
using Spectre.Console;
using Upon.Register;

namespace Upon.Commands;

/// <summary><c>upon import appointments FILE.csv</c>: all or nothing; every error is listed on standard error (all of them, one a line) and nothing is written.</summary>
public static class ImportAppointmentsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file: la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned[,email][,recorded_date]." };
        var command = new Command("appointments", "Import DCS appointments from CSV (all or nothing).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CommandException($"no file at {Path.GetFullPath(path)}");
            }
            // Decoded by the importer, by the same rule as the upload page: a file that is not UTF-8 is an error naming the line.
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<AppointmentImporter>();
            // On a connection of its own: the import then builds no EF Core model unless a row calls for an invitation.
            var result = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
                ? await WithProgressBar(p => importer.ImportAsync(bytes, progress: p, ownConnection: true, cancellationToken: cancellationToken))
                : await importer.ImportAsync(bytes, ownConnection: true, cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }
                await Console.Error.WriteLineAsync($"{result.Errors.Count} error(s): nothing was imported.");
                return 1;
            }
            Console.WriteLine($"{result.Rows} rows: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged; {result.PeopleAdded} new people.");
            return 0;
        });
        return command;
    }

    private static Task<T> WithProgressBar<T>(Func<IProgress<ImportProgress>, Task<T>> work) =>
        AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new SynchronousProgress(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task))
                {
                    task = tasks[p.Stage] = context.AddTask(p.Stage);
                }
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            return await work(progress);
        });

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
