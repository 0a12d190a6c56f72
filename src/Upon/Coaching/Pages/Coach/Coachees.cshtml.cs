using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Forms;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Coaching.Pages.Coach;

/// <summary>A coach's coachees, their logged sessions and hours; the coach logs a session here. Never what was asked.</summary>
[Authorize(Roles = Roles.Coach)]
public sealed class CoacheesModel(UponDbContext db, CurrentCoach current, CoachingService coaching) : PageModel
{
    public CoachProfile? Coach { get; private set; }
    public IReadOnlyList<CoachingRelationship> Relationships { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    /// <summary>The relationship whose log form was posted and refused, with what was entered, shown again by its form.</summary>
    public LogForm? Posted { get; private set; }

    /// <summary>What a coach entered in one relationship's log form.</summary>
    public sealed record LogForm(int RelationshipId, DateInput Date, string? Minutes, string? Mode);

    /// <summary>The prefix of a relationship's log form's ids (one form per coachee on the page).</summary>
    public static string Key(int relationshipId) => $"log-{relationshipId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostLogAsync(int relationshipId, string? mode, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // Only one of the coach's own relationships has a form here to show errors by (a changed hidden field is not one).
        if (Coach is null || Relationships.SingleOrDefault(r => r.Id == relationshipId) is not { } relationship) return NotFound();
        var key = Key(relationshipId);
        if (RelationshipStatusRules.IsFinal(relationship.Status))
        {
            // Its form is gone from the page: the error is shown by the coachee's section, which the summary links to.
            ModelState.AddModelError(key, RelationshipStatusRules.EndedLoggingRefused);
            return Page();
        }
        // The date's and the length's fields are named after the relationship's form, like the ids the error summary links to.
        var minutes = Request.Form[$"{key}-minutes"].FirstOrDefault();
        var dateInput = new DateInput
        {
            Day = Request.Form[$"{key}-date.day"].FirstOrDefault(),
            Month = Request.Form[$"{key}-date.month"].FirstOrDefault(),
            Year = Request.Form[$"{key}-date.year"].FirstOrDefault(),
        };
        Posted = new LogForm(relationshipId, dateInput, minutes, mode);
        var date = dateInput.Read(ModelState, $"{key}-date", "Date of the session", required: true);
        if (!int.TryParse(minutes?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)) ModelState.AddModelError($"{key}-minutes", "Enter the length in minutes, like 60");
        else if (length is < CoachingSessionLog.MinMinutes or > CoachingSessionLog.MaxMinutes) ModelState.AddModelError($"{key}-minutes", $"The length must be from {CoachingSessionLog.MinMinutes} to {CoachingSessionLog.MaxMinutes} minutes");
        if (mode is not ("online" or "in-person")) ModelState.AddModelError($"{key}-mode", "Select online or in person");
        if (ModelState.IsValid && date is { } day)
        {
            try
            {
                await coaching.LogSessionAsync(Coach.Id, relationshipId, day, length, mode == "in-person", cancellationToken);
                Notice = "Session logged. Your coachee will be asked to confirm it.";
                return Redirect("/coach/coachees");
            }
            catch (CoachingRuleException e)
            {
                // What is left to refuse is the date (in the future, or before the relationship started), unless the
                // relationship ended since the page was read.
                ModelState.AddModelError(e.Message == RelationshipStatusRules.EndedLoggingRefused ? key : DateInput.ErrorKey($"{key}-date"), e.Message);
            }
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Coach = await current.FindAsync(User, cancellationToken);
        if (Coach is null) return;
        Relationships = await db.CoachingRelationships.AsNoTracking().Include(r => r.Participant).Include(r => r.Sessions)
            .Where(r => r.CoachId == Coach.Id).OrderBy(r => r.Participant!.FamilyName).ToListAsync(cancellationToken);
    }
}
