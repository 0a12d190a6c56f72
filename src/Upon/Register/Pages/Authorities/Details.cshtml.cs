using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;

namespace Upon.Register.Pages.Authorities;

/// <summary>An authority: its reference data and its history of directors, with the vacancies between them.</summary>
[Authorize(Policy = Policies.Staff)]
public class DetailsModel(RegisterQueries queries) : PageModel
{
    public Authority Authority { get; private set; } = null!;

    public Appointment? Current { get; private set; }

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await queries.AuthorityAsync(code, cancellationToken) is not { } authority)
        {
            return NotFound();
        }
        Authority = authority;
        Today = queries.Today;
        Current = authority.Appointments.Where(a => a.IsInPostOn(Today)).OrderByDescending(a => a.StartDate).FirstOrDefault();
        Timeline = Shared.Timeline.ForAuthority(authority, Today);
        return Page();
    }

    /// <summary>"Operating since 1 April 2023", "Ceased 31 March 2023" or "In operation".</summary>
    public string OperatingPeriod => (Authority.OperatingFrom, Authority.OperatingTo) switch
    {
        (_, { } to) when to < Today => $"Ceased {RegisterFormat.Date(to)}",
        (_, { } to) => $"Ceases {RegisterFormat.Date(to)}",
        ({ } from, null) => $"Operating since {RegisterFormat.Date(from)}",
        _ => "In operation",
    };
}
