using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching.Pages.Staff;

/// <summary>
/// Matching rounds, for administrators (a round holds requests, which are special-category data). A round opened takes
/// in the rematch requests of coachees who asked to change coach while no round was open.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class RoundsModel(UponDbContext db, IClock clock, Rematches rematches) : PageModel
{
    public IReadOnlyList<(MatchingRound Round, int Requests)> Rounds { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int WouldLike { get; set; } = MatchingWeights.Default.WouldLike;
    [BindProperty] public int AuthorityKind { get; set; } = MatchingWeights.Default.AuthorityKind;
    [BindProperty] public int InPerson { get; set; } = MatchingWeights.Default.InPerson;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name)) ModelState.AddModelError(nameof(Name), "Enter a name for the round");
        else if (Name.Length > MatchingRound.MaxNameLength) ModelState.AddModelError(nameof(Name), $"The name must be {MatchingRound.MaxNameLength} characters or fewer");
        else if (await db.MatchingRounds.AnyAsync(r => r.Name == Name, cancellationToken)) ModelState.AddModelError(nameof(Name), "A round with this name already exists");
        if (!new MatchingWeights(WouldLike, AuthorityKind, InPerson).IsValid) ModelState.AddModelError(nameof(WouldLike), $"Each weight must be a whole number from 0 to {MatchingWeights.Max}");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var round = db.MatchingRounds.Add(new MatchingRound { Name = Name!, WouldLikeWeight = WouldLike, AuthorityKindWeight = AuthorityKind, InPersonWeight = InPerson, CreatedAt = clock.GetCurrentInstant() }).Entity;
        await rematches.TakeInWaitingAsync(round, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/coaching/rounds/{round.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rounds = [.. (await db.MatchingRounds.AsNoTracking().OrderByDescending(r => r.Id).Select(r => new { Round = r, Requests = r.Requests.Count }).ToListAsync(cancellationToken)).Select(r => (r.Round, r.Requests))];
}
