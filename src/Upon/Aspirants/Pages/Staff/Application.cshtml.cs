using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>
/// One application, for administrators: eligibility and its override (audited), redactions of identifying words,
/// conflicts declared (with their reasons), reviews and their reassignment, moderation. Never its equality answers.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class ApplicationModel(UponDbContext db, CohortApplications applications, Reviewing reviewing, CohortScoring scoring, AlumniRecords alumni, IClock clock) : PageModel
{
    public AspirantApplication Application { get; private set; } = null!;
    public ApplicationEligibility Eligibility { get; private set; } = null!;
    public IReadOnlyList<AspirantConflict> Conflicts { get; private set; } = [];
    public IReadOnlyList<AspirantModeration> Moderations { get; private set; } = [];
    public Core.Aspirants.ApplicationScore? Score { get; private set; }

    /// <summary>The range of a review's total, which a moderator's score must keep to: scale minimum and maximum x the sum of the weights.</summary>
    public (decimal Min, decimal Max) TotalRange { get; private set; }

    /// <summary>The alumni record when the applicant completed the programme year; null otherwise.</summary>
    public AlumnusRecord? Alumnus { get; private set; }

    [BindProperty] public string? Eligible { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? AnswerId { get; set; }
    [BindProperty] public string? Phrase { get; set; }
    [BindProperty] public decimal? ModeratorScore { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOverrideAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Eligible is not ("yes" or "no" or "rules")) ModelState.AddModelError(nameof(Eligible), "Select whether the application is eligible");
        if (Eligible != "rules" && CheckReason() is { } problem) ModelState.AddModelError(nameof(Reason), problem);
        if (!ModelState.IsValid) return Page();
        var application = await db.AspirantApplications.SingleAsync(a => a.Id == id, cancellationToken);
        application.EligibilityOverride = Eligible switch { "yes" => true, "no" => false, _ => null };
        application.EligibilityOverrideReason = Eligible == "rules" ? null : Reason!.Trim();
        application.EligibilityOverriddenBy = User.Identity?.Name;
        application.EligibilityOverriddenAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/aspirants/applications/{id}");
    }

    public async Task<IActionResult> OnPostRedactAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var answer = Application.Answers.FirstOrDefault(a => a.Id == AnswerId);
        Phrase = Phrase?.Trim();
        if (answer is null) ModelState.AddModelError(nameof(AnswerId), "Select the answer");
        if (string.IsNullOrEmpty(Phrase) || Phrase.Length > AspirantRedaction.MaxPhraseLength || ControlCharacters.Contains(Phrase)) ModelState.AddModelError(nameof(Phrase), $"Enter the words to hide, {AspirantRedaction.MaxPhraseLength} characters or fewer");
        else if (answer is not null && !answer.Text.Contains(Phrase, StringComparison.OrdinalIgnoreCase)) ModelState.AddModelError(nameof(Phrase), "These words are not in the answer");
        if (!ModelState.IsValid) return Page();
        db.AspirantRedactions.Add(new AspirantRedaction { AnswerId = answer!.Id, Phrase = Phrase!, RedactedBy = User.Identity?.Name, RedactedAt = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/aspirants/applications/{id}");
    }

    public async Task<IActionResult> OnPostReassignAsync(int id, int reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var review = await db.AspirantReviews.Include(r => r.Scores).SingleOrDefaultAsync(r => r.Id == reviewId && r.ApplicationId == id && r.Status == ReviewStatus.Assigned, cancellationToken);
        if (review is null) return NotFound();
        var (_, missing) = await reviewing.ReassignAsync(review, await applications.EligibleKeysAsync(Application.CohortId, cancellationToken), cancellationToken);
        TempData["Notice"] = missing == 0 ? "The review was reassigned" : $"The review was taken from its reviewer; {missing} could not be assigned, for want of reviewers free of conflicts: add a reviewer to the cohort";
        return Redirect($"/aspirants/applications/{id}");
    }

    public async Task<IActionResult> OnPostFurtherReviewAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (CheckReason() is { } problem) ModelState.AddModelError(nameof(Reason), problem);
        if (!ModelState.IsValid) return Page();
        db.AspirantModerations.Add(new AspirantModeration { ApplicationId = id, Kind = ModerationKind.FurtherReview, Reason = Reason!.Trim(), ModeratedBy = User.Identity?.Name, At = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(cancellationToken);
        var (assigned, _) = await reviewing.AssignAsync(Application.CohortId, [id], forModeration: true, cancellationToken);
        TempData["Notice"] = assigned > 0 ? "A further reviewer was assigned" : "No other reviewer is free of conflicts: add a reviewer to the cohort";
        return Redirect($"/aspirants/applications/{id}");
    }

    public async Task<IActionResult> OnPostModerateAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var (min, max) = TotalRange;
        if (!Application.Reviews.Any(r => r.Status == ReviewStatus.Submitted)) ModelState.AddModelError(nameof(ModeratorScore), "A moderator's score can be given only to an application with a submitted review: ask for a further review instead");
        else if (ModeratorScore is not { } score || score < min || score > max) ModelState.AddModelError(nameof(ModeratorScore), $"Enter the moderator's score as a number from {AspirantsFormat.Number(min)} to {AspirantsFormat.Number(max)}, the range of a review's total");
        if (CheckReason() is { } problem) ModelState.AddModelError(nameof(Reason), problem);
        if (!ModelState.IsValid) return Page();
        db.AspirantModerations.Add(new AspirantModeration { ApplicationId = id, Kind = ModerationKind.ModeratorScore, Score = ModeratorScore, Reason = Reason!.Trim(), ModeratedBy = User.Identity?.Name, At = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/aspirants/applications/{id}");
    }

    /// <summary>The applicant's answer to keeping a not-selected application for next year, as staff read it.</summary>
    public static string NextYear(bool? answer) => answer switch
    {
        true => "Yes: if not selected, keep the application to consider them next year",
        false => "No",
        null => "Not answered",
    };

    private string? CheckReason() =>
        string.IsNullOrWhiteSpace(Reason) ? "Enter the reason"
        : Reason.Length > AspirantApplication.MaxReasonLength ? $"The reason must be {AspirantApplication.MaxReasonLength} characters or fewer"
        : ControlCharacters.Contains(Reason, multiline: true) ? "The reason has characters that cannot be kept" : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await db.AspirantApplications.AsNoTracking()
            .Include(a => a.Cohort).Include(a => a.Authority).Include(a => a.Endorsement)
            .Include(a => a.Answers).ThenInclude(a => a.Question)
            .Include(a => a.Answers).ThenInclude(a => a.Redactions)
            .Include(a => a.Reviews).ThenInclude(r => r.Reviewer)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id && a.Status == ApplicationStatus.Submitted, cancellationToken);
        if (application is null) return false;
        Application = application;
        Eligibility = CohortApplications.Evaluate(AspirantEligibility.RulesOf(application.Cohort!), application);
        Conflicts = await db.AspirantConflicts.AsNoTracking().Include(c => c.Reviewer).Where(c => c.ApplicationId == id).ToListAsync(cancellationToken);
        Moderations = await db.AspirantModerations.AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        Score = (await scoring.ScoreAsync(application.CohortId, cancellationToken)).For(id);
        var weights = (await db.AspirantCriteria.Where(c => c.CohortId == application.CohortId).Select(c => c.Weight).ToListAsync(cancellationToken)).Sum();
        TotalRange = (application.Cohort!.ScaleMin * weights, application.Cohort.ScaleMax * weights);
        Alumnus = application.Completed == true ? await alumni.ForApplicationAsync(id, cancellationToken) : null;
        return true;
    }
}
