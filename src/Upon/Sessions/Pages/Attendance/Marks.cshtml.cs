using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Shared.Text;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>Every mark of the period as CSV, one row per person marked at each session, for staff to analyse further.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MarksModel(ProgrammeAttendance attendance, IClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (AttendanceDownload.Period(Request, clock) is not { } period)
        {
            return AttendanceDownload.BadPeriod();
        }
        if (await attendance.FiguresAsync(period, cancellationToken) is not { } figures)
        {
            return NotFound();
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        AttendanceExports.WriteMarksCsv(writer, figures.Lines);
        return File(TextEncodings.Utf8NoBom.GetBytes(writer.ToString()), AttendanceDownload.CsvType, AttendanceDownload.FileName("attendance-marks", figures) + ".csv");
    }
}
