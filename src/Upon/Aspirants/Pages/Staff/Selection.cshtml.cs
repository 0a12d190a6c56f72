using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>
/// Calibration (raw and calibrated side by side), the ranked list with ties and disagreement flags, filling the places
/// and waiting list, the s.158 tie-break, releasing decisions and following offers. For administrators.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class SelectionModel(UponDbContext db, Selection selection, CohortScoring scoring, CohortYear.OfferResponse offers) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;
    public CohortScoreSheet Sheet { get; private set; } = null!;
    public IReadOnlyList<RankedApplication> Ranked { get; private set; } = [];
    public IReadOnlyDictionary<int, string> ReviewerNames { get; private set; } = new Dictionary<int, string>();

    [BindProperty] public int? Waiting { get; set; }
    [BindProperty] public int? ApplicationKey { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFillAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Cohort.DecisionsReleasedAt is not null) ModelState.AddModelError(nameof(Waiting), "The decisions have been released");
        if (Waiting is not (>= 0 and <= AspirantCohort.MaxPlaces)) ModelState.AddModelError(nameof(Waiting), $"Enter how many go on the waiting list, from 0 to {AspirantCohort.MaxPlaces}");
        if (!ModelState.IsValid) return Page();
        await selection.FillAsync(id, Waiting!.Value, cancellationToken);
        return Redirect($"/aspirants/{id}/selection");
    }

    public async Task<IActionResult> OnPostTieBreakAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > AspirantApplication.MaxReasonLength || ControlCharacters.Contains(Reason, multiline: true))
        {
            ModelState.AddModelError(nameof(Reason), "Enter the documented reason for the tie-break (Equality Act 2010 s.158)");
        }
        else if (ApplicationKey is not { } key || await selection.TieBreakAsync(id, key, Reason.Trim(), cancellationToken) is { } problem && ModelState.TryAddModelError(nameof(ApplicationKey), problem))
        {
            if (ApplicationKey is null) ModelState.AddModelError(nameof(ApplicationKey), "Select the application");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        return Redirect($"/aspirants/{id}/selection");
    }

    public async Task<IActionResult> OnPostReleaseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await selection.ReleaseAsync(id, cancellationToken);
        TempData["Notice"] = "The decisions were released and every applicant emailed";
        return Redirect($"/aspirants/{id}/selection");
    }

    public async Task<IActionResult> OnPostRespondAsync(int id, int applicationKey, string answer, CancellationToken cancellationToken)
    {
        if (!await db.AspirantApplications.AnyAsync(a => a.Id == applicationKey && a.CohortId == id, cancellationToken)) return NotFound();
        // An answer that came another way: accepting makes them a participant with the taught days booked, as on their own page.
        if (answer == "accept") await offers.AcceptAsync(applicationKey, cancellationToken);
        else await selection.DeclineAsync(applicationKey, cancellationToken);
        return Redirect($"/aspirants/{id}/selection");
    }

    public async Task<IActionResult> OnPostExpireAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.AspirantCohorts.AnyAsync(c => c.Id == id, cancellationToken)) return NotFound();
        var expired = await selection.ExpireOverdueAsync(id, cancellationToken);
        TempData["Notice"] = $"{expired} overdue offers expired; their places were offered to the waiting list";
        return Redirect($"/aspirants/{id}/selection");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        Sheet = await scoring.ScoreAsync(id, cancellationToken);
        Ranked = await selection.RankedAsync(id, cancellationToken);
        ReviewerNames = await db.CohortReviewers.Where(r => r.CohortId == id).Select(r => r.Reviewer!)
            .ToDictionaryAsync(r => r.Id, r => r.GivenName + " " + r.FamilyName + " (" + r.Email + ")", cancellationToken);
        return true;
    }
}
