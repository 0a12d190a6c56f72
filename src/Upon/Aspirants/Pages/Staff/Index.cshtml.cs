using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>Aspirant Directors cohorts, for administrators; opening a new one.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class IndexModel(UponDbContext db, IClock clock) : PageModel
{
    public IReadOnlyList<(AspirantCohort Cohort, int Applications)> Cohorts { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? Places { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Name = Name?.Trim() ?? "";
        if (AspirantCohorts.CheckName(Name) is { } problem) ModelState.AddModelError(nameof(Name), problem.TrimEnd('.'));
        else if (await db.AspirantCohorts.AnyAsync(c => c.Name == Name, cancellationToken)) ModelState.AddModelError(nameof(Name), "A cohort with this name already exists");
        if (Places is not (>= 1 and <= AspirantCohort.MaxPlaces)) ModelState.AddModelError(nameof(Places), $"Enter the number of places, from 1 to {AspirantCohort.MaxPlaces}");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var cohort = new AspirantCohort { Name = Name, Places = Places!.Value, CreatedAt = clock.GetCurrentInstant() };
        cohort.Criteria.AddRange(
        [
            new AspirantCriterion { Name = "Leadership and impact", Weight = 1, Order = 1 },
            new AspirantCriterion { Name = "Readiness for a director's role", Weight = 1, Order = 2 },
            new AspirantCriterion { Name = "Commitment to children and families", Weight = 1, Order = 3 },
        ]);
        cohort.Questions.AddRange(
        [
            new AspirantQuestion { Text = "Why do you want to become a director of children's services?", WordLimit = 300, Order = 1 },
            new AspirantQuestion { Text = "Describe a change you led and what it achieved for children.", WordLimit = 400, Order = 2 },
            new AspirantQuestion { Text = "What do you most need to develop, and how will the programme help?", WordLimit = 300, Order = 3 },
            new AspirantQuestion { Text = "How do you work with partners across the system?", WordLimit = 300, Order = 4 },
        ]);
        db.AspirantCohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/aspirants/{cohort.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Cohorts = [.. (await db.AspirantCohorts.AsNoTracking().OrderByDescending(c => c.Name)
                .Select(c => new { Cohort = c, Applications = c.Applications.Count(a => a.Status == ApplicationStatus.Submitted) }).ToListAsync(cancellationToken))
            .Select(c => (c.Cohort, c.Applications))];
}
