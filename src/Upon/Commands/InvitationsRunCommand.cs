using System.CommandLine;
using NodaTime.Text;
using Upon.Core;
using Upon.Email;
using Upon.NewDirectors;

namespace Upon.Commands;

/// <summary>
/// <c>upon invitations run [--as-of YYYY-MM-DD]</c>: sends the New Directors invitations and reminders that are due, expires
/// unanswered ones, records the New Directors' journey stages (<see cref="JourneyService.AdvanceStagesAsync"/>), then
/// delivers the outbox. Safe to run at the same time as the app or another run.
/// </summary>
public static class InvitationsRunCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Act as if today were this date (YYYY-MM-DD); today in London when left out." };
        var command = new Command("run", "Send due invitations and reminders, expire unanswered ones, record New Directors' journey stages, and deliver the email.") { asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            NodaTime.LocalDate? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                day = parsed.Success ? parsed.Value : throw new CommandException($"'{text}' is not a date: use the form 2026-11-25.");
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            var result = await host.Services.GetRequiredService<InvitationRunner>().RunAsync(day, cancellationToken);
            Console.WriteLine($"{result.Sent} sent, {result.Reminded} reminders, {result.Expired} expired, {result.WithoutEmail} waiting for an email address.");
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var today = day ?? host.Services.GetRequiredService<NodaTime.IClock>().TodayInLondon();
                var journeys = await scope.ServiceProvider.GetRequiredService<JourneyService>().AdvanceStagesAsync(today, cancellationToken);
                Console.WriteLine($"Journeys: {journeys.StageChanges} stage changes, {journeys.Completed} completed, {journeys.NotCompleted} ended without meeting the completion criteria, {journeys.LeftPost} left their post.");
            }
            var sender = host.Services.GetRequiredService<OutboxSender>();
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
}
