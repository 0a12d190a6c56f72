using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Shared.Security;
using Upon.Shared.Text;
using Upon.Data;

namespace Upon.Audit.Pages;

/// <summary>Every audit event matching the search (not only the page shown), newest first, as CSV.</summary>
[Authorize(Policy = Policies.Administrators)]
public class ExportModel(UponDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public AuditSearch Search { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        // Every problem is found before the first byte is written: a bad search answers 400, never a broken download.
        var query = Search.ToQuery(ModelState, clock.TodayInLondon());
        if (query is null)
        {
            return BadRequest(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage + ".")));
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"upon-audit.csv\"";
        await using var writer = new StreamWriter(Response.Body, TextEncodings.Utf8NoBom);
        await using var csv = Upon.Shared.Files.SafeCsv.CreateWriter(writer, leaveOpen: false);
        foreach (var header in new[] { "id", "at", "actor", "user_id", "action", "entity_type", "entity_id", "changes", "detail" })
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        await foreach (var e in query.Apply(db.AuditEvents.AsNoTracking()).AsAsyncEnumerable())
        {
            csv.WriteField(e.Id);
            csv.WriteField(InstantPattern.General.Format(e.At));
            csv.WriteField(e.Actor);
            csv.WriteField(e.UserId);
            csv.WriteField(e.Action);
            csv.WriteField(e.EntityType);
            csv.WriteField(e.EntityId);
            csv.WriteField(e.Changes);
            csv.WriteField(e.Detail);
            await csv.NextRecordAsync();
        }
        return new EmptyResult();
    }
}
