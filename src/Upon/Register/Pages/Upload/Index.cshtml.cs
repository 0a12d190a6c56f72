using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;
using Upon.Shared.Text;

namespace Upon.Register.Pages.Upload;

/// <summary>
/// Uploads an appointments CSV in two steps: a preview that saves nothing and lists every problem or what would change,
/// then a confirmation that imports the same file (kept in a temporary file named by a random token) for real.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class IndexModel(AppointmentImporter importer, ILogger<IndexModel> logger) : PageModel
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    private const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;
    private static readonly TimeSpan KeepUploadsFor = TimeSpan.FromDays(1);

    /// <summary>Where uploads wait for confirmation: <c>{temp}/upon-uploads/{token}.csv</c>.</summary>
    public static string UploadDirectory => Path.Combine(Path.GetTempPath(), "upon-uploads");

    public static string ExpectedHeader => string.Join(",", AppointmentCsv.RequiredColumns);

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    /// <summary>The outcome of the preview (or of a confirmation that found problems).</summary>
    public AppointmentImportResult? Result { get; private set; }

    /// <summary>The token of the previewed file, for the confirmation form.</summary>
    public string? Token { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Checks the file against the register without saving anything.</summary>
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

        RemoveOldUploads();
        var token = Guid.NewGuid();
        var path = PathFor(token);
        var keep = false;
        try
        {
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file!.CopyToAsync(stream, cancellationToken);
            }
            Result = await ImportAsync(path, preview: true, cancellationToken);
            if (Result is { Succeeded: true })
            {
                Token = token.ToString("N");
                keep = true;
            }
        }
        finally
        {
            if (!keep)
            {
                Delete(path);
            }
        }
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
        // Claim the file first, so that a second click cannot import it twice.
        var path = PathFor(id);
        var claimed = path + ".importing";
        try
        {
            System.IO.File.Move(path, claimed);
        }
        catch (IOException)
        {
            // Not there (expired, or already confirmed), or being confirmed by another request.
            ModelState.AddModelError(nameof(CsvFile), "This upload has expired or has already been saved. Upload the file again");
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        try
        {
            Result = await ImportAsync(claimed, preview: false, cancellationToken);
        }
        finally
        {
            Delete(claimed);
        }
        if (Result is not { Succeeded: true } result)
        {
            return Page();
        }
        TempData["Success"] = $"{TextFormat.Count(result.Rows, "appointment", "appointments")} imported";
        return Redirect("/register");
    }

    /// <summary>"1,234 rows: 1,200 to add, 30 to update, 4 unchanged, 50 new people".</summary>
    public static string Summary(AppointmentImportResult result) =>
        $"{TextFormat.Count(result.Rows, "row", "rows")}: {TextFormat.Number(result.Added)} to add, " +
        $"{TextFormat.Number(result.Updated)} to update, {TextFormat.Number(result.Unchanged)} unchanged, " +
        $"{TextFormat.Count(result.PeopleAdded, "new person", "new people")}";

    /// <summary>Reads UTF-8 with or without a byte-order mark; bytes that are not UTF-8 are reported, not guessed at.</summary>
    private async Task<AppointmentImportResult?> ImportAsync(string path, bool preview, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return await importer.ImportAsync(reader, preview, cancellationToken: cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(CsvFile), "The selected file must be saved as UTF-8 (in Excel, choose CSV UTF-8)");
            return null;
        }
    }

    private static string PathFor(Guid token)
    {
        Directory.CreateDirectory(UploadDirectory);
        return Path.Combine(UploadDirectory, $"{token:N}.csv");
    }

    private void Delete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the upload {Path}", path);
        }
    }

    /// <summary>Forgets uploads nobody confirmed.</summary>
    private void RemoveOldUploads()
    {
        try
        {
            var cutoff = DateTime.UtcNow - KeepUploadsFor;
            foreach (var file in new DirectoryInfo(UploadDirectory).EnumerateFiles("*.csv*"))
            {
                if (file.LastWriteTimeUtc < cutoff)
                {
                    file.Delete();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove old uploads from {Directory}", UploadDirectory);
        }
    }
}
