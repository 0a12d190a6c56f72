using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>Alumni figures by cohort, and the share of serving DCSs on a date who are alumni, each with its definition.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class AlumniModel(AlumniFigures figures, IClock clock) : PageModel
{
    public IReadOnlyList<CohortAlumni> Cohorts { get; private set; } = [];
    public ServingShare Share { get; private set; } = null!;
    public string? DateError { get; private set; }

    public async Task OnGetAsync(string? on, CancellationToken cancellationToken)
    {
        var today = clock.GetCurrentInstant().InZone(Time.London).Date;
        var date = today;
        if (on is { Length: > 0 })
        {
            if (LocalDatePattern.Iso.Parse(on).TryGetValue(default, out var parsed) && PlausibleDates.IsPlausibleSessionDate(parsed, today)) date = parsed;
            else DateError = "Enter a date like 2026-04-01";
        }
        Cohorts = await figures.ByCohortAsync(cancellationToken);
        Share = await figures.ServingShareAsync(date, cancellationToken);
    }
}
