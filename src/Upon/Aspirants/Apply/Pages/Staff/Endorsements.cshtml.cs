using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Apply.Pages.Staff;

/// <summary>Staff: each submitted application's endorsement (asked, reminded, answered), with a way to record one received another way.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EndorsementsModel(UponDbContext db) : PageModel
{
    public sealed record Row(int Key, string ApplicationId, string Name, string? Endorser, bool? Endorsed, string? RecordedBy, int Reminders, NodaTime.LocalDate? DueOn);

    [FromQuery] public string? Cohort { get; set; }
    public IReadOnlyList<string> Cohorts { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cohorts = await db.AspirantCohorts.AsNoTracking().Where(c => !c.Imported).OrderByDescending(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        Cohort ??= Cohorts.Count > 0 ? Cohorts[0] : null;
        Rows = await db.AspirantApplications.AsNoTracking()
            .Where(a => a.Cohort!.Name == Cohort && a.Status == ApplicationStatus.Submitted && !a.Imported)
            .OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName)
            .Select(a => new Row(a.Id, a.ApplicationId, a.GivenName + " " + a.FamilyName, a.EndorserName, a.Endorsement!.Endorsed, a.Endorsement.RecordedByStaff, a.Endorsement.RemindersSent, a.Endorsement.DueOn))
            .ToListAsync(cancellationToken);
    }
}
