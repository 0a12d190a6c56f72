using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Audit.Pages;

/// <summary>Administrators search the audit log; the newest 200 matching events are shown, all of them exported.</summary>
[Authorize(Policy = Policies.Administrators)]
public class IndexModel(UponDbContext db) : PageModel
{
    public const int PageSize = 200;

    private static readonly ZonedDateTimePattern Display = ZonedDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH:mm:ss", null);

    [BindProperty(SupportsGet = true, Name = "")]
    public AuditSearch Search { get; set; } = new();

    public int Total { get; private set; }
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public static string Format(Instant at) => Display.Format(at.InZone(Core.Time.London));

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Search.ToQuery();
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
}
