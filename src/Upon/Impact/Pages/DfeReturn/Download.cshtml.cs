using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Disclosure;
using Upon.Shared.Files;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.DfeReturn;

/// <summary>
/// The return as a file: <c>?period=2026-27-Q2&amp;format=xlsx|csv[&amp;view=funder]</c>. The funder always gets its
/// own version; staff get the exact one unless they ask for the funder's.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class DownloadModel(ReturnReport report, ImpactFigureCache figures, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? period, string? format, string? view, CancellationToken cancellationToken)
    {
        if (report.Problem(period, out var parsed) is not null || format is not ("xlsx" or "csv"))
        {
            return BadRequest();
        }
        var (exact, funder) = await figures.ReturnAsync(parsed, disclosure.Suppression, cancellationToken);
        var document = FigureDisclosure.SeesExactFigures(User) && view != DfeReturnDocument.FunderView ? exact : funder;
        if (format == "csv")
        {
            await using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            ReturnFiles.WriteCsv(text, document);
            return File(SafeCsv.Utf8.GetBytes(text.ToString()), "text/csv; charset=utf-8", ReturnFiles.FileName(document, "csv"));
        }
        using var buffer = new MemoryStream();
        ReturnFiles.WriteWorkbook(buffer, document);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReturnFiles.FileName(document, "xlsx"));
    }
}
