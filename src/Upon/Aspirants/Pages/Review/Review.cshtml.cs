using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Review;

/// <summary>
/// The anonymised review: the applicant's answers (redactions applied), years in a senior role and tiers below the
/// director, and a score with a comment for each criterion. No name, email, employer, authority, equality answers or
/// other reviewers' scores, before or after submitting. The reviewer may step back, optionally declaring a conflict.
/// </summary>
[Authorize(Roles = Roles.PartnerStaff + "," + Roles.Coach)]
public sealed class ReviewModel(UponDbContext db, Reviewing reviewing, CohortApplications applications) : PageModel
{
    public AspirantReview Review { get; private set; } = null!;
    public AspirantCohort Cohort { get; private set; } = null!;
    public string Reference { get; private set; } = "";
    public decimal? YearsSenior { get; private set; }
    public int? TiersBelowDcs { get; private set; }
    public IReadOnlyList<AnonymisedAnswer> Answers { get; private set; } = [];

    [BindProperty] public Dictionary<int, int?> Scores { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Comments { get; set; } = [];
    [BindProperty] public string? ConflictReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        foreach (var score in Review.Scores)
        {
            Scores[score.CriterionId] = score.Score;
            Comments[score.CriterionId] = score.Comment;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        if (Review.Status != ReviewStatus.Assigned) return RedirectToPage();
        var scores = new Dictionary<int, (int, string?)>();
        foreach (var criterion in Cohort.Criteria.OrderBy(c => c.Order))
        {
            var key = $"Scores[{criterion.Id}]";
            var comment = Comments.GetValueOrDefault(criterion.Id)?.Trim();
            if (Scores.GetValueOrDefault(criterion.Id) is not { } score || score < Cohort.ScaleMin || score > Cohort.ScaleMax)
            {
                ModelState.AddModelError(key, $"Select a score from {Cohort.ScaleMin} to {Cohort.ScaleMax} for {criterion.Name}");
            }
            else if (comment is { Length: > AspirantScore.MaxCommentLength } || ControlCharacters.Contains(comment, multiline: true))
            {
                ModelState.AddModelError($"Comments[{criterion.Id}]", $"The comment on {criterion.Name} must be {AspirantScore.MaxCommentLength} characters or fewer");
            }
            else
            {
                scores[criterion.Id] = (score, comment);
            }
        }
        if (!ModelState.IsValid) return Page();
        var tracked = await db.AspirantReviews.Include(r => r.Scores).SingleAsync(r => r.Id == id, cancellationToken);
        await reviewing.SubmitAsync(tracked, scores, cancellationToken);
        TempData["Notice"] = "Your review was submitted";
        return Redirect("/aspirants/review");
    }

    public async Task<IActionResult> OnPostRecuseAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        if (Review.Status != ReviewStatus.Assigned) return RedirectToPage();
        if (ConflictReason is { Length: > AspirantConflict.MaxReasonLength } || ControlCharacters.Contains(ConflictReason, multiline: true))
        {
            ModelState.AddModelError(nameof(ConflictReason), $"The reason must be {AspirantConflict.MaxReasonLength} characters or fewer");
            return Page();
        }
        var tracked = await db.AspirantReviews.SingleAsync(r => r.Id == id, cancellationToken);
        await reviewing.RecuseAsync(tracked, ConflictReason, await applications.EligibleKeysAsync(Cohort.Id, cancellationToken), cancellationToken);
        return Redirect("/aspirants/review");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var reviewer = await reviewing.CurrentAsync(User, cancellationToken);
        if (reviewer is null) return NotFound();
        var review = await db.AspirantReviews.AsNoTracking().Include(r => r.Scores)
            .SingleOrDefaultAsync(r => r.Id == id && r.ReviewerId == reviewer.Id && r.Status != ReviewStatus.Recused, cancellationToken);
        if (review is null) return NotFound();
        // Only what the reviewer may see is read: no name, email, employer, authority or endorsement.
        var application = await db.AspirantApplications.AsNoTracking().Where(a => a.Id == review.ApplicationId)
            .Select(a => new { a.ApplicationId, a.CohortId, a.YearsSenior, a.TiersBelowDcs }).SingleAsync(cancellationToken);
        if (!await db.CohortReviewers.AnyAsync(p => p.CohortId == application.CohortId && p.ReviewerId == reviewer.Id, cancellationToken)) return NotFound();
        Review = review;
        Reference = application.ApplicationId;
        YearsSenior = application.YearsSenior;
        TiersBelowDcs = application.TiersBelowDcs;
        Cohort = await db.AspirantCohorts.AsNoTracking().Include(c => c.Criteria).SingleAsync(c => c.Id == application.CohortId, cancellationToken);
        Answers = await reviewing.AnswersAsync(review.ApplicationId, cancellationToken);
        return null;
    }
}
