using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Forms;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.Staff;

/// <summary>
/// One coaching relationship for staff: the coach, the coachee, dates, entitlement and hours used, the status with its
/// reason and date, and the form to pause, resume, end early or complete it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RelationshipModel(UponDbContext db, CoachingService coaching, IClock clock) : PageModel
{
    public static readonly IReadOnlyList<string> ErrorOrder = [.. FormFieldErrors.ErrorOrder([nameof(NewStatus), nameof(On), nameof(Reason)], nameof(On))];

    public CoachingRelationship Relationship { get; private set; } = null!;
    public int MinutesUsed { get; private set; }

    /// <summary>The moves open from the present status, as the form's radios.</summary>
    public IReadOnlyList<Choice> Moves { get; private set; } = [];

    [BindProperty] public string? NewStatus { get; set; }
    [BindProperty] public DateInput On { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    [TempData] public string? Notice { get; set; }

    public static string PathFor(int id) => $"/coaching/relationships/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        On = DateInput.From(clock.TodayInLondon());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        // Only a status's name is read (a number would bind to an enum too); anything else is no choice at all.
        RelationshipStatus? to = Enum.GetValues<RelationshipStatus>().Cast<RelationshipStatus?>().FirstOrDefault(s => s.ToString() == NewStatus);
        if (to is null && !RelationshipStatusRules.IsFinal(Relationship.Status)) ModelState.AddModelError(nameof(NewStatus), "Select the new status");
        var on = On.Read(ModelState, nameof(On), "Date", required: true);
        var today = clock.TodayInLondon();
        foreach (var problem in RelationshipStatusRules.Check(Relationship, to, on, Reason, today))
        {
            ModelState.AddModelError(KeyOf(problem.Field), problem.Message);
        }
        if (!ModelState.IsValid || to is null || on is null) return Page();

        var refused = await coaching.ChangeRelationshipStatusAsync(new RelationshipStatusChange(id, to.Value, on.Value, Reason), cancellationToken);
        if (refused.Count > 0)
        {
            // Changed by someone else since it was read: show it as it is now, with why.
            await LoadAsync(id, cancellationToken);
            foreach (var problem in refused) ModelState.AddModelError(KeyOf(problem.Field), problem.Message);
            return Page();
        }

        Notice = to.Value switch
        {
            RelationshipStatus.Active => "Coaching resumed.",
            RelationshipStatus.Paused => "Coaching paused. The coach keeps the place.",
            RelationshipStatus.EndedEarly => "Coaching ended early. The coach's place is free for matching.",
            _ => "Coaching completed. The coach's place is free for matching.",
        };
        return Redirect(PathFor(id));
    }

    /// <summary>The field a problem is shown by; once the status is final there is no form, and the status itself is linked to.</summary>
    private string KeyOf(RelationshipStatusField field) => field switch
    {
        RelationshipStatusField.Date => DateInput.ErrorKey(nameof(On)),
        RelationshipStatusField.Reason => nameof(Reason),
        _ when RelationshipStatusRules.IsFinal(Relationship.Status) => "status",
        _ => nameof(NewStatus),
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var relationship = await db.CoachingRelationships.AsNoTracking().Include(r => r.Coach).Include(r => r.Participant).Include(r => r.Sessions)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null) return false;
        Relationship = relationship;
        MinutesUsed = CoachingHours.MinutesUsed(relationship.Sessions);
        Moves = [.. RelationshipStatusRules.MovesFrom(relationship.Status).Select(s => new Choice(s.ToString(), RelationshipStatusRules.Move(s)))];
        return true;
    }
}
