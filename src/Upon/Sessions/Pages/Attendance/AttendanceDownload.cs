using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Upon.Core;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>What the attendance downloads share: reading the period from the query, and naming the file after it.</summary>
public static class AttendanceDownload
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The period of <c>?from=2025-11-26&amp;to=2026-11-25&amp;strand=3</c>, each optional (the last 12 months, every strand).</summary>
    public static AttendancePeriod? Period(HttpRequest request, IClock clock) =>
        AttendancePeriod.TryRead(request.Query["from"], request.Query["to"], request.Query["strand"], clock.TodayInLondon());

    /// <summary>"upon-attendance-2025-11-26-to-2026-11-25", with the strand's slug when there is one.</summary>
    public static string FileName(string name, ProgrammeAttendanceFigures figures) =>
        $"upon-{name}-{figures.Period.From.ToIsoString()}-to-{figures.Period.To.ToIsoString()}{(figures.Strand is { } s ? "-" + s.Slug : "")}";

    public static IActionResult BadPeriod() =>
        new BadRequestObjectResult("Give from and to as dates such as 2026-11-25, from 2000-01-01 to five years from today, from no later than to, and strand as a strand's number.");
}
