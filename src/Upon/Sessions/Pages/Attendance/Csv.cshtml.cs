using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Shared.Text;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>
/// The attendance figures as CSV: every grouping in one file with a <c>grouping</c> column, or one grouping with
/// <c>?by=strand</c>, <c>cohort</c>, <c>session-type</c> or <c>month</c>. Same period query as the page's links.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CsvModel(ProgrammeAttendance attendance, IClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? by, CancellationToken cancellationToken)
    {
        IReadOnlyList<AttendanceGrouping> groupings = AttendanceGroupings.All;
        if (!string.IsNullOrEmpty(by))
        {
            if (!AttendanceGroupings.TryParse(by, out var one))
            {
                return BadRequest("by must be strand, cohort, session-type or month.");
            }
            groupings = [one];
        }
        if (AttendanceDownload.Period(Request, clock) is not { } period)
        {
            return AttendanceDownload.BadPeriod();
        }
        if (await attendance.FiguresAsync(period, cancellationToken) is not { } figures)
        {
            return NotFound();
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        AttendanceExports.WriteFiguresCsv(writer, figures, groupings);
        var name = AttendanceDownload.FileName("attendance", figures) + (groupings.Count == 1 ? "-by-" + groupings[0].Code() : "") + ".csv";
        return File(TextEncodings.Utf8NoBom.GetBytes(writer.ToString()), AttendanceDownload.CsvType, name);
    }
}
