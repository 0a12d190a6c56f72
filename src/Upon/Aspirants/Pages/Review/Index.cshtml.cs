using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Review;

/// <summary>One application assigned to the reviewer, named only by its reference.</summary>
public sealed record AssignedReview(int ReviewId, string Cohort, string Reference, ReviewStatus Status);

/// <summary>An application the reviewer stepped back from: its reference, when, and whether they declared a conflict (never the reason).</summary>
public sealed record SteppedBack(string Cohort, string Reference, NodaTime.Instant? At, bool ConflictDeclared);

/// <summary>The applications assigned to the signed-in reviewer, in the cohorts they have the reviewer permission for. Only references, never names.</summary>
[Authorize(Roles = Roles.PartnerStaff + "," + Roles.Coach)]
public sealed class IndexModel(UponDbContext db, Reviewing reviewing) : PageModel
{
    public IReadOnlyList<AssignedReview> Reviews { get; private set; } = [];
    public IReadOnlyList<SteppedBack> Recused { get; private set; } = [];
    public bool IsReviewer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var reviewer = await reviewing.CurrentAsync(User, cancellationToken);
        if (reviewer is null) return Page();
        Reviews = await db.AspirantReviews.AsNoTracking()
            .Where(r => r.ReviewerId == reviewer.Id && r.Status != ReviewStatus.Recused
                && db.CohortReviewers.Any(p => p.ReviewerId == reviewer.Id && p.CohortId == r.Application!.CohortId))
            .OrderBy(r => r.Status).ThenBy(r => r.Id)
            .Select(r => new AssignedReview(r.Id, r.Application!.Cohort!.Name, r.Application.ApplicationId, r.Status))
            .ToListAsync(cancellationToken);
        IsReviewer = await db.CohortReviewers.AnyAsync(p => p.ReviewerId == reviewer.Id, cancellationToken);
        Recused = await db.AspirantReviews.AsNoTracking()
            .Where(r => r.ReviewerId == reviewer.Id && r.Status == ReviewStatus.Recused && r.RecusalReason != Reviewing.ReassignedByStaff
                && db.CohortReviewers.Any(p => p.ReviewerId == reviewer.Id && p.CohortId == r.Application!.CohortId))
            .OrderByDescending(r => r.RecusedAt).ThenBy(r => r.Id)
            .Select(r => new SteppedBack(r.Application!.Cohort!.Name, r.Application.ApplicationId, r.RecusedAt,
                db.AspirantConflicts.Any(c => c.ApplicationId == r.ApplicationId && c.ReviewerId == reviewer.Id)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
