using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using Upon.Disclosure;
using Upon.Shared.Text;

namespace Upon.Register.Pages.Turnover;

/// <summary>
/// Every year's turnover figures as CSV: for staff exactly as <c>upon report turnover --format csv</c> writes them, for
/// the funder with "c" in the cells of suppressed figures.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class CsvModel(TurnoverReport report, RegisterQueries queries, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // One row a year: small enough to build in memory.
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (FigureDisclosure.SeesExactFigures(User))
        {
            TurnoverReport.WriteCsv(writer, await report.AllYearsAsync(cancellationToken));
        }
        else
        {
            TurnoverReport.WriteCsv(writer, await report.DisclosedYearsAsync(disclosure.Suppression, cancellationToken));
        }
        var fileName = $"upon-turnover-{queries.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return File(TextEncodings.Utf8NoBom.GetBytes(writer.ToString()), "text/csv; charset=utf-8", fileName);
    }
}
