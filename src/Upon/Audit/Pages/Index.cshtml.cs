using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Accounts;
using Upon.Data;

namespace Upon.Audit.Pages;

/// <summary>Administrators search the audit log; the newest 200 matching events are shown, all of them exported.</summary>
[Authorize(Policy = Policies.Administrators)]
public class IndexModel(UponDbContext db) : PageModel
{
    public const int PageSize = 200;

    private static readonly ZonedDateTimePattern Display = ZonedDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH:mm:ss", null);

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string? FromError { get; private set; }
    public string? ToError { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public string ExportUrl => QueryHelpers("/admin/audit/export");

    public static string Format(Instant at) => Display.Format(at.InZone(Core.Time.London));

    public async Task<IActionResult> OnGetAsync()
    {
        var query = ParseQuery();
        if (query is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var events = query.Apply(db.AuditEvents.AsNoTracking());
        Total = await events.CountAsync();
        Events = await events.Take(PageSize).ToListAsync();
        return Page();
    }

    /// <summary>The search, or null (with field errors set) when a date is not a real date.</summary>
    internal AuditQuery? ParseQuery()
    {
        var from = ParseDate(From, e => FromError = e);
        var to = ParseDate(To, e => ToError = e);
        return FromError is null && ToError is null ? new AuditQuery(Actor, Action, EntityType, EntityId, from, to) : null;
    }

    private static LocalDate? ParseDate(string? text, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (result.Success)
        {
            return result.Value;
        }
        error("Enter a real date in the form YYYY-MM-DD");
        return null;
    }

    private string QueryHelpers(string path) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        [nameof(Actor)] = Actor,
        [nameof(Action)] = Action,
        [nameof(EntityType)] = EntityType,
        [nameof(EntityId)] = EntityId,
        [nameof(From)] = From,
        [nameof(To)] = To,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
}
