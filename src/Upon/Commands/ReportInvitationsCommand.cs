using System.CommandLine;
using Upon.Core.NewDirectors;
using Upon.NewDirectors;
using static Upon.Commands.ReportCommand;

namespace Upon.Commands;

/// <summary><c>upon report invitations --format json|csv|table [--year 2023-24]</c>: the New Directors invitation figures.</summary>
public static class ReportInvitationsCommand
{
    public static Command Create() => ReportCommand.Create(new ReportDefinition<InvitationYearFigures>(
        "invitations",
        "New Directors invitation figures per financial year of the first post's start (definitions in the README).",
        (services, cancellationToken) => services.GetRequiredService<InvitationReport>().AllYearsAsync(cancellationToken),
        f => f.FinancialYear,
        InvitationReport.WriteCsv,
        "New Directors invitations by financial year of the first post's start",
        [
            new("Year", f => f.FinancialYear),
            new("First-time", f => Number(f.FirstTimeDirectors)),
            new("Invited", f => Number(f.Invited)),
            new("Within 14 days", f => Number(f.InvitedWithin14Days)),
            new("Within 14 days rate", f => Percent(f.InvitedWithin14DaysRate)),
            new("Median days to invitation", f => Average(f.MedianDaysToInvitation)),
            new("Accepted", f => Number(f.Accepted)),
            new("Declined", f => Number(f.Declined)),
            new("Awaiting answer", f => Number(f.AwaitingAnswer)),
            new("Recorded late", f => Number(f.RecordedLate)),
            new("Median days late", f => Average(f.MedianDaysRecordedLate)),
        ]));
}
