using System.CommandLine;
using Upon.Register;
using Upon.Shared.Text;

namespace Upon.Commands;

/// <summary><c>upon export appointments [--output FILE]</c>: writes the import format, so export then import is a round trip.</summary>
public static class ExportAppointmentsCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("appointments", "Export every appointment in the import format.") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<RegisterQueries>();
            var path = parse.GetValue(output);
            await using var writer = path is null
                ? new StreamWriter(Console.OpenStandardOutput(), TextEncodings.Utf8NoBom)
                : new StreamWriter(path, false, TextEncodings.Utf8NoBom);
            var appointments = new List<Appointment>();
            await foreach (var appointment in queries.AllAppointments().WithCancellation(cancellationToken))
            {
                appointments.Add(appointment);
            }
            AppointmentCsv.Write(writer, appointments);
            return 0;
        });
        return command;
    }
}
