using System.CommandLine;
using NodaTime.Text;
using Upon.Email;
using Upon.SessionFeedback;

namespace Upon.Commands;

/// <summary>
/// <c>upon feedback run [--as-of YYYY-MM-DD]</c>: asks everyone marked present at a session that has ended for feedback,
/// reminds those who have not answered (at most twice, never after it closes), then delivers the outbox. Safe to run at
/// the same time as the app or another run. <c>--as-of</c> may be only today or up to <see cref="MaxDaysBack"/> days before
/// it (<see cref="CheckAsOf"/>), so that an operator's date never asks early or reminds after a form has closed.
/// </summary>
public static class FeedbackRunCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = $"Act as if today were this date (YYYY-MM-DD), from {MaxDaysBack} days before today to today; today in London when left out." };
        var command = new Command("run", "Ask people present at sessions that have ended for feedback, remind those who have not answered, and deliver the email.") { asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            NodaTime.LocalDate? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                day = parsed.Success ? parsed.Value : throw new CommandException($"'{text}' is not a date: use the form 2026-11-25.");
                if (CheckAsOf(day.Value, Upon.Core.Time.TodayInLondon(NodaTime.SystemClock.Instance)) is { } error)
                {
                    throw new CommandException(error);
                }
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

    /// <summary>
    /// How many days before today <c>--as-of</c> may be: enough to re-run a missed day or a missed week, not so many that
    /// a run asks about sessions long past or reminds after a form has closed as the schedule stood then.
    /// </summary>
    public const int MaxDaysBack = 7;

    /// <summary>
    /// Checks an <c>--as-of</c> date against today in London: null when it is from <see cref="MaxDaysBack"/> days before
    /// today up to today, otherwise the error naming the option, the value and the range. A later date would ask and
    /// remind early; an earlier one would act on a schedule that has passed.
    /// </summary>
    public static string? CheckAsOf(NodaTime.LocalDate day, NodaTime.LocalDate today)
    {
        var earliest = today.PlusDays(-MaxDaysBack);
        return day >= earliest && day <= today ? null
            : $"--as-of {LocalDatePattern.Iso.Format(day)} is out of range: use a date from {Long(earliest)} to {Long(today)} " +
              $"(today in London, or up to {MaxDaysBack} days before it to re-run a missed day).";
    }

    private static string Long(NodaTime.LocalDate date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
