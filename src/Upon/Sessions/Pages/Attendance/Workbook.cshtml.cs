using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>The attendance figures as an Excel workbook: a worksheet per grouping and one for missed two in a row.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WorkbookModel(ProgrammeAttendance attendance, IClock clock) : PageModel
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
        return File(AttendanceExports.Workbook(figures), AttendanceDownload.XlsxType, AttendanceDownload.FileName("attendance", figures) + ".xlsx");
    }
}
