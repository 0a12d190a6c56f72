using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Audit.Pages;

/// <summary>
/// Administrators search the audit log: the matching events newest first, <see cref="PageSize"/> a page, each change as a
/// list of field, old value and new value; the export gives every matching event.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public class IndexModel(UponDbContext db, IClock clock) : PageModel
{
    public const int PageSize = 50;

    private static readonly ZonedDateTimePattern Display = ZonedDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH:mm:ss", null);

    [BindProperty(SupportsGet = true, Name = "")]
    public AuditSearch Search { get; set; } = new();

    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public static string Format(Instant at) => Display.Format(at.InZone(Time.London));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var query = Search.ToQuery(ModelState, clock.TodayInLondon());
        // ?page=2, read from the query itself: Razor Pages keeps a route value called "page" for the page's name.
        if (Request.Query["page"].ToString() is { Length: > 0 } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                PageNumber = number;
            }
            else
            {
                // Not a field of the form but of the address: the error summary links to the page's content.
                ModelState.AddModelError(string.Empty, "The page number in the address must be a whole number from 1");
            }
        }
        if (query is null || ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var events = query.Apply(db.AuditEvents.AsNoTracking());
        Total = await events.CountAsync(cancellationToken);
        if (PageNumber > Pages)
        {
            return NotFound();
        }
        Events = await events.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }
}
