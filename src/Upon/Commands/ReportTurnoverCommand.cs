using System.CommandLine;
using Upon.Core.Register;
using Upon.Register;
using static Upon.Commands.ReportCommand;

namespace Upon.Commands;

/// <summary><c>upon report turnover --format json|csv|table [--year 2023-24]</c>.</summary>
public static class ReportTurnoverCommand
{
    public static Command Create() => ReportCommand.Create(new ReportDefinition<TurnoverFigures>(
        "turnover",
        "DCS turnover figures per financial year (definitions in the README).",
        (services, cancellationToken) => services.GetRequiredService<TurnoverReport>().AllYearsAsync(cancellationToken),
        f => f.FinancialYear,
        TurnoverReport.WriteCsv,
        "DCS turnover by financial year",
        [
            new("Year", f => f.FinancialYear),
            new("LAs", f => Number(f.LocalAuthorities)),
            new("Changes", f => Number(f.Changes)),
            new("LAs with change", f => Number(f.AuthoritiesWithChange)),
            new("LAs unplanned", f => Number(f.AuthoritiesWithUnplannedChange)),
            new("Unplanned rate", f => Percent(f.UnplannedChangeRate)),
            new("First-time", f => Number(f.FirstTimeDirectors)),
            new("Interim share", f => Percent(f.InterimShareAtYearEnd)),
            new("Mean completed (months)", f => Average(f.MeanCompletedTenureMonths)),
            new("KM median (months)", f => Average(f.MedianTenureMonths)),
            new("Years rising", f => Number(f.ConsecutiveYearsRising)),
        ],
        StoredAs: new("turnover|years", TurnoverFiguresJson.Default.ListTurnoverFigures)));
}
