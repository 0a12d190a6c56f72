using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Upon.Shared.Security;
using Upon.Shared.Forms;
using Upon.Shared.Text;
using Upon.Register.Pages.Shared;
using Upon.Shared.Files;

namespace Upon.Register.Pages.Upload;

/// <summary>
/// Uploads an appointments CSV in two steps: a preview that saves nothing and lists every problem or what would change,
/// then a confirmation that imports the same file for real. The file waits in the database (<see cref="PendingUploads"/>),
/// found by a random token, so any instance can show its preview, its pages and its errors.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class IndexModel(AppointmentImporter importer, PendingUploads uploads) : PageModel
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    private const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;

    /// <summary>How many errors of one column the page lists; the rest are counted and in the CSV of all errors.</summary>
    public const int ErrorsShownPerColumn = 100;

    /// <summary>How many added or changed rows one page of the preview lists.</summary>
    public const int ChangesPerPage = 50;

    public static string ExpectedHeader => string.Join(",", AppointmentCsv.RequiredColumns);

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    /// <summary>The outcome of the preview (or of a confirmation that found problems).</summary>
    public AppointmentImportResult? Result { get; private set; }

    /// <summary>The token of the previewed file, for the confirmation form, the preview's pages and the errors download.</summary>
    public string? Token { get; private set; }

    /// <summary>The page of added and changed rows shown (1 is the first).</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => Result is null ? 0 : Math.Max(1, (Result.Changes.Count + ChangesPerPage - 1) / ChangesPerPage);

    public IEnumerable<AppointmentChangeRow> ChangesOnPage => Result?.Changes.Skip((PageNumber - 1) * ChangesPerPage).Take(ChangesPerPage) ?? [];

    /// <summary>The errors the page lists: the first <see cref="ErrorsShownPerColumn"/> of each column, in line order.</summary>
    public IReadOnlyList<ImportError> ShownErrors { get; private set; } = [];

    /// <summary>For each column with more errors than are shown, how many more.</summary>
    public IReadOnlyList<(string Column, int More)> HiddenErrors { get; private set; } = [];

    /// <summary>The error summary's entries: one per column, linking to that column's first error in the table.</summary>
    public IReadOnlyList<(string Anchor, string Message)> SummaryEntries { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The upload form, or (with a token) page <paramref name="p"/> of a waiting upload's preview.</summary>
    public async Task<IActionResult> OnGetAsync(string? token, int? p, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return Page();
        }
        if (!Guid.TryParseExact(token, "N", out var id))
        {
            return BadRequest();
        }
        var upload = await uploads.FindAsync(id, UserId, cancellationToken);
        if (upload is null)
        {
            return Expired();
        }
        await PreviewAsync(id, upload.FileContent, p ?? 1, cancellationToken);
        return Page();
    }

    /// <summary>Keeps the file and checks it against the register without saving anything.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var file = CsvFile;
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
        {
            ModelState.AddModelError(nameof(CsvFile), "Select a CSV file");
        }
        else if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(CsvFile), "The selected file must be a CSV");
        }
        else if (file.Length == 0)
        {
            ModelState.AddModelError(nameof(CsvFile), "The selected file is empty");
        }
        else if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(CsvFile), "The selected file must be smaller than 50 MB");
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        byte[] content;
        await using (var stream = file!.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var id = await uploads.AddAsync(UserId, Path.GetFileName(file.FileName), content, cancellationToken);
        await PreviewAsync(id, content, 1, cancellationToken);
        return Page();
    }

    /// <summary>Imports the previewed file for real (checking everything again), then forgets it.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (token is null || !Guid.TryParseExact(token, "N", out var id))
        {
            return BadRequest();
        }
        // Claim the upload first, so that a second click (or another instance) cannot import it twice.
        var content = await uploads.ClaimAsync(id, UserId, cancellationToken);
        if (content is null)
        {
            return Expired();
        }
        var result = await importer.ImportAsync(content, preview: false, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result);
            return Page();
        }
        TempData["Success"] = $"{TextFormat.Count(result.Rows, "appointment", "appointments")} imported";
        return Redirect("/register");
    }

    /// <summary>Every error of a waiting upload as CSV (line, column, value, problem), however many there are.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null || !Guid.TryParseExact(token, "N", out var id))
        {
            return BadRequest();
        }
        var upload = await uploads.FindAsync(id, UserId, cancellationToken);
        if (upload is null)
        {
            return NotFound();
        }
        var result = await importer.ImportAsync(upload.FileContent, preview: true, cancellationToken: cancellationToken);
        await using var buffer = new FileBufferingWriteStream();
        await using (var writer = new StreamWriter(buffer, SafeCsv.Utf8, leaveOpen: true))
        await using (var csv = SafeCsv.CreateWriter(writer, newLine: "\n"))
        {
            foreach (var header in new[] { "line", "column", "value", "problem" })
            {
                csv.WriteField(header);
            }
            await csv.NextRecordAsync();
            foreach (var error in result.Errors)
            {
                csv.WriteField(error.Line.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(error.Column);
                csv.WriteField(error.Value);
                csv.WriteField(error.Reason);
                await csv.NextRecordAsync();
            }
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"upload-errors-{token}.csv");
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.ContentLength = buffer.Length;
        await buffer.DrainBufferAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>"1,234 rows: 1,200 to add, 30 to update, 4 unchanged, 50 new people".</summary>
    public static string Summary(AppointmentImportResult result) =>
        $"{TextFormat.Count(result.Rows, "row", "rows")}: {TextFormat.Number(result.Added)} to add, " +
        $"{TextFormat.Number(result.Updated)} to update, {TextFormat.Number(result.Unchanged)} unchanged, " +
        $"{TextFormat.Count(result.PeopleAdded, "new person", "new people")}";

    /// <summary>"Saving will create 3 New Directors invitations" (none are sent until their day).</summary>
    public static string InvitationSummary(AppointmentImportResult result) => result.Invitations == 0
        ? "Saving will not create any New Directors invitations."
        : $"Saving will create {TextFormat.Count(result.Invitations, "New Directors invitation", "New Directors invitations")}.";

    private async Task PreviewAsync(Guid id, byte[] content, int page, CancellationToken cancellationToken)
    {
        Token = id.ToString("N");
        var result = await importer.ImportAsync(content, preview: true, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result);
            return;
        }
        Result = result;
        PageNumber = Math.Clamp(page, 1, PageCount);
    }

    private void ShowErrors(AppointmentImportResult result)
    {
        Result = result;
        var shown = new List<ImportError>();
        var hidden = new List<(string, int)>();
        var summary = new List<(string, string)>();
        foreach (var column in result.Errors.GroupBy(e => e.Column).OrderBy(g => g.Min(e => e.Line)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var errors = column.ToList();
            shown.AddRange(errors.Take(ErrorsShownPerColumn));
            if (errors.Count > ErrorsShownPerColumn)
            {
                hidden.Add((column.Key, errors.Count - ErrorsShownPerColumn));
            }
            var first = errors[0];
            var where = column.Key.Length == 0 ? "The file" : $"Column {column.Key}";
            summary.Add(($"upload-error-{Anchor(first)}", errors.Count == 1
                ? $"{where}, line {TextFormat.Number(first.Line)}: {first.Reason}"
                : $"{where}: {TextFormat.Count(errors.Count, "error", "errors")}, the first on line {TextFormat.Number(first.Line)}: {first.Reason}"));
        }
        ShownErrors = [.. shown.OrderBy(e => e.Line).ThenBy(e => e.Column, StringComparer.Ordinal)];
        HiddenErrors = hidden;
        SummaryEntries = summary;
    }

    /// <summary>The anchor of an error's row in the table: its position in the file's errors is not stable, its line and column are.</summary>
    public static string Anchor(ImportError error) =>
        $"{error.Line.ToString(CultureInfo.InvariantCulture)}-{new string([.. error.Column.Where(char.IsAsciiLetterOrDigit)])}";

    private PageResult Expired()
    {
        ModelState.AddModelError(nameof(CsvFile), "This upload has expired or has already been saved. Upload the file again");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
