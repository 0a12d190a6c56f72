using System.CommandLine;
using NodaTime.Text;
using Upon.Email;
using Upon.SessionFeedback;

namespace Upon.Commands;

/// <summary>
/// <c>upon feedback run [--as-of YYYY-MM-DD]</c>: asks everyone marked present at a session that has ended for feedback,
/// reminds those who have not answered (at most twice, never after it closes), then delivers the outbox. Safe to run at
/// the same time as the app or another run.
/// </summary>
public static class FeedbackRunCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Act as if today were this date (YYYY-MM-DD); today in London when left out." };
        var command = new Command("run", "Ask people present at sessions that have ended for feedback, remind those who have not answered, and deliver the email.") { asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            NodaTime.LocalDate? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                day = parsed.Success && Upon.Core.PlausibleDates.IsPlausibleSessionDate(parsed.Value, Upon.Core.Time.TodayInLondon(NodaTime.SystemClock.Instance)) ? parsed.Value : throw new CommandException($"'{text}' is not a date from 2000 to two years ahead: use the form 2026-11-25.");
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            var result = await host.Services.GetRequiredService<FeedbackRunner>().RunAsync(day, cancellationToken);
            Console.WriteLine($"{result.Asked} asked for feedback, {result.Reminded} reminders.");
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
