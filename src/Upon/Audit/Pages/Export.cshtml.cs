using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Upon.Shared.Security;
using Upon.Shared.Text;
using Upon.Data;

namespace Upon.Audit.Pages;

/// <summary>Every audit event matching the search, as CSV.</summary>
[Authorize(Policy = Policies.Administrators)]
public class ExportModel(UponDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public AuditSearch Search { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Search.ToQuery();
        if (query is null)
        {
            return BadRequest();
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
