using System.CommandLine;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Sessions.ReferenceData;

namespace Upon.Commands;

/// <summary>
/// <c>upon reference bank-holidays GOVUK_JSON OUT_JSON</c>: regenerates the embedded bank holidays
/// (src/Upon/Sessions/ReferenceData/bank-holidays.json) from GOV.UK's feed, keeping england-and-wales. Touches no database.
/// </summary>
public static class ReferenceBankHolidaysCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("GOVUK_JSON") { Description = "A copy of https://www.gov.uk/bank-holidays.json." };
        var output = new Argument<string>("OUT_JSON") { Description = "Where to write the reference file." };
        var command = new Command("bank-holidays", "Regenerate the embedded bank holidays reference file from GOV.UK's feed.") { input, output };
        command.SetAction(parse =>
        {
            BankHolidayCalendar calendar;
            using (var reader = CommandHost.OpenText(parse.GetValue(input)!))
            {
                try
                {
                    calendar = BankHolidayCalendar.Parse(reader.ReadToEnd());
                }
                catch (BankHolidayFormatException e)
                {
                    throw new CommandException(e.Message);
                }
            }
            using var stream = File.Create(parse.GetValue(output)!);
            BankHolidayReferenceData.Write(stream, calendar);
            Console.WriteLine($"Wrote {calendar.Holidays.Count} England and Wales bank holidays, {calendar.Holidays[0].Date.ToIsoString()} to {calendar.Holidays[^1].Date.ToIsoString()}.");
            return 0;
        });
        return command;
    }
}
