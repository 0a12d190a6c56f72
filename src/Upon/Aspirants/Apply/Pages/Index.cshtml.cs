using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>The public Aspirant Directors page: each cohort's application window (London time) and, while open, the way in.</summary>
[AllowAnonymous]
public sealed class IndexModel(ApplicationForm form, IClock clock) : PageModel
{
    public IReadOnlyList<AspirantCohort> Cohorts { get; private set; } = [];
    public Instant Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetCurrentInstant();
        Cohorts = await form.PublicCohortsAsync(cancellationToken);
    }
}
