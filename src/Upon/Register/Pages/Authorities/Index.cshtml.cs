using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Core.Register;

namespace Upon.Register.Pages.Authorities;

/// <summary>Every authority in operation today with its DCS, filtered by region, interim or acting, or vacancy.</summary>
[Authorize(Policy = Policies.Staff)]
public class IndexModel(RegisterQueries queries) : PageModel
{
    /// <summary>A region code (E12...), or empty for every region.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Only authorities whose DCS is interim or acting.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Interim { get; set; }

    /// <summary>Only authorities with no DCS today.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Vacant { get; set; }

    public IReadOnlyList<AuthoritySummary> Authorities { get; private set; } = [];

    public IReadOnlyList<RegionReference> Regions { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public bool Filtered => !string.IsNullOrEmpty(Region) || Interim || Vacant;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = queries.Today;
        Regions = await queries.RegionsAsync(cancellationToken);
        IEnumerable<AuthoritySummary> authorities = await queries.AuthoritiesAsync(Today, cancellationToken);
        if (!string.IsNullOrEmpty(Region))
        {
            authorities = authorities.Where(a => a.RegionCode == Region);
        }
        if (Interim)
        {
            authorities = authorities.Where(a => a.CurrentType is AppointmentType.Interim or AppointmentType.Acting);
        }
        if (Vacant)
        {
            authorities = authorities.Where(a => a.CurrentPersonId is null);
        }
        Authorities = [.. authorities];
    }
}
