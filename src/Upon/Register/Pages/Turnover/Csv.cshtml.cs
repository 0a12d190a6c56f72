using Microsoft.AspNetCore.Authorization;
using Upon.Accounts;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Register.Pages.Turnover;

/// <summary>Every year's turnover figures as CSV, exactly as <c>upon report turnover --format csv</c> writes them.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class CsvModel(TurnoverReport report, RegisterQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var years = await report.AllYearsAsync(cancellationToken);
        // One row a year: small enough to build in memory.
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TurnoverReport.WriteCsv(writer, years);
        var fileName = $"upon-turnover-{queries.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return File(Register.AppointmentCsv.Utf8NoBom.GetBytes(writer.ToString()), "text/csv; charset=utf-8", fileName);
    }
}
