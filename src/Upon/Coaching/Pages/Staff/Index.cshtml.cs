using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching.Pages.Staff;

/// <summary>A relationship as staff see it: hours used against entitlement and health flags.</summary>
public sealed record RelationshipRow(CoachingRelationship Relationship, int MinutesUsed, IReadOnlyList<HealthConcern> Flags);

/// <summary>The coaching pool (capacity, pause, retire) and the relationships with their health flags, for staff.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(UponDbContext db, CoachingService coaching, IClock clock, Rematches rematches) : PageModel
{
    public IReadOnlyList<(CoachProfile Coach, int Holding)> Coaches { get; private set; } = [];
    public IReadOnlyList<RelationshipRow> Relationships { get; private set; } = [];

    /// <summary>Relationships whose coachee asked to change coach while no round was open: their rematch request waits for the next round.</summary>
    public IReadOnlySet<int> WaitingForRound { get; private set; } = new HashSet<int>();

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        var holding = await CoachingRelationship.PlacesHeldAsync(db.CoachingRelationships, cancellationToken);
        Coaches = [.. (await db.CoachProfiles.AsNoTracking().OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ToListAsync(cancellationToken)).Select(c => (c, holding.GetValueOrDefault(c.Id)))];
        var relationships = await db.CoachingRelationships.AsNoTracking().Include(r => r.Coach).Include(r => r.Participant).Include(r => r.Sessions)
            .OrderBy(r => r.Participant!.FamilyName).ToListAsync(cancellationToken);
        Relationships = [.. relationships.Select(r => new RelationshipRow(
            r,
            CoachingHours.MinutesUsed(r.Sessions),
            r.Status == RelationshipStatus.Active
                ? RelationshipHealth.Flags(r.StartsOn, r.EndsOn, r.EntitledSessions, [.. r.Sessions.Where(s => s.Confirmation != SessionConfirmation.Queried).Select(s => s.Date)], r.ChangeRequestedOn is not null, today)
                : r.Status == RelationshipStatus.Paused && r.ChangeRequestedOn is not null ? [HealthConcern.ChangeRequested] : []))];
        WaitingForRound = (await rematches.Waiting.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IActionResult> OnPostCapacityAsync(int coachId, string? capacity, CancellationToken cancellationToken)
    {
        if (!await db.CoachProfiles.AnyAsync(c => c.Id == coachId, cancellationToken)) return NotFound();
        if (!int.TryParse(capacity, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > CoachProfile.MaxCapacity)
        {
            Notice = $"The capacity must be a whole number from 0 to {CoachProfile.MaxCapacity}.";
            return Redirect("/coaching");
        }

        await coaching.SetCapacityAsync(coachId, value, cancellationToken);
        Notice = "Capacity changed.";
        return Redirect("/coaching");
    }

    public async Task<IActionResult> OnPostStatusAsync(int coachId, CoachStatus status, CancellationToken cancellationToken)
    {
        // A status that does not bind (a number out of range, a word that is not one) leaves ModelState invalid and the
        // parameter at its default, Active: never a reason to change a coach.
        if (!ModelState.IsValid || !Enum.IsDefined(status) || !await db.CoachProfiles.AnyAsync(c => c.Id == coachId, cancellationToken)) return NotFound();
        await coaching.SetStatusAsync(coachId, status, cancellationToken);
        Notice = $"Coach {status.ToString().ToLowerInvariant()}.";
        return Redirect("/coaching");
    }
}
