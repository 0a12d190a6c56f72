using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>A cohort's reviewers (the reviewer permission), their load, and assigning reviewers to the eligible applications.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class ReviewersModel(UponDbContext db, CohortApplications applications, Reviewing reviewing, IClock clock) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<(AspirantReviewer Reviewer, int Assigned, int Submitted)> Reviewers { get; private set; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? ConflictAuthorityCodes { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Email = Email?.Trim();
        if (!Shared.Text.EmailAddresses.IsValid(Email)) ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        foreach (var (key, value) in new[] { (nameof(GivenName), GivenName), (nameof(FamilyName), FamilyName) })
        {
            if (value is { Length: > AspirantReviewer.MaxNameLength } || ControlCharacters.Contains(value)) ModelState.AddModelError(key, $"Names must be {AspirantReviewer.MaxNameLength} characters or fewer");
        }
        var codes = (ConflictAuthorityCodes ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var known = codes.Count == 0 ? [] : await db.Authorities.Where(a => codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        if (codes.Except(known).FirstOrDefault() is { } unknown) ModelState.AddModelError(nameof(ConflictAuthorityCodes), $"'{unknown}' is not an authority's DfE number");
        if (!ModelState.IsValid) return Page();
        var lower = Email!.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var reviewer = await db.AspirantReviewers.SingleOrDefaultAsync(r => r.Email.ToLower() == lower, cancellationToken);
        var userId = await db.Users.Where(u => u.Email != null && u.Email.ToLower() == lower).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
        var now = clock.GetCurrentInstant();
        if (reviewer is null)
        {
            reviewer = new AspirantReviewer { Email = Email, CreatedAt = now };
            db.AspirantReviewers.Add(reviewer);
        }
        reviewer.GivenName = GivenName?.Trim() ?? reviewer.GivenName;
        reviewer.FamilyName = FamilyName?.Trim() ?? reviewer.FamilyName;
        reviewer.UserId ??= userId;
        if (codes.Count > 0) reviewer.ConflictAuthorityCodes = string.Join(';', known.Union(reviewer.ConflictAuthorityCodes.Split(';', StringSplitOptions.RemoveEmptyEntries)).Distinct());
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.CohortReviewers.AnyAsync(r => r.CohortId == id && r.ReviewerId == reviewer.Id, cancellationToken))
        {
            db.CohortReviewers.Add(new CohortReviewer { CohortId = id, ReviewerId = reviewer.Id, GrantedAt = now, GrantedBy = User.Identity?.Name });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect($"/aspirants/{id}/reviewers");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int reviewerId, CancellationToken cancellationToken)
    {
        var permission = await db.CohortReviewers.SingleOrDefaultAsync(r => r.CohortId == id && r.ReviewerId == reviewerId, cancellationToken);
        if (permission is null) return NotFound();
        db.CohortReviewers.Remove(permission);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/aspirants/{id}/reviewers");
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var (assigned, missing) = await reviewing.AssignAsync(id, await applications.EligibleKeysAsync(id, cancellationToken), cancellationToken);
        TempData["Notice"] = missing == 0 ? $"{assigned} reviews assigned" : $"{assigned} reviews assigned; {missing} could not be, for want of reviewers free of conflicts";
        return Redirect($"/aspirants/{id}/reviewers");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        var reviewers = await db.CohortReviewers.AsNoTracking().Where(r => r.CohortId == id).Select(r => r.Reviewer!).OrderBy(r => r.Email).ToListAsync(cancellationToken);
        var counts = await db.AspirantReviews.Where(r => r.Application!.CohortId == id).GroupBy(r => new { r.ReviewerId, r.Status })
            .Select(g => new { g.Key.ReviewerId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        Reviewers = [.. reviewers.Select(r => (r,
            counts.Where(c => c.ReviewerId == r.Id && c.Status == ReviewStatus.Assigned).Sum(c => c.Count),
            counts.Where(c => c.ReviewerId == r.Id && c.Status == ReviewStatus.Submitted).Sum(c => c.Count)))];
        return true;
    }
}
