using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Sessions.Pages.My;

/// <summary>A participant's calendar feeds: their private feed's secret address (new, replace, turn off) and the strands' public feeds.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class CalendarModel(CurrentParticipant current, CalendarFeeds feeds, UponDbContext db) : PageModel
{
    public Participant? Participant { get; private set; }

    /// <summary>The secret address just issued: shown once, never stored.</summary>
    public string? NewFeedUrl { get; private set; }

    public IReadOnlyList<Strand> Strands { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostNewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var secret = await feeds.NewPrivateFeedAsync(Participant!, cancellationToken);
        NewFeedUrl = feeds.BaseUrl + CalendarFeeds.PrivateFeedPath(secret);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        await feeds.RevokePrivateFeedAsync(Participant!, cancellationToken);
        TempData["Success"] = "Your calendar address is turned off: calendars subscribed to it get nothing more.";
        return Redirect("/my/calendar");
    }

    public string StrandFeedUrl(Strand strand) => feeds.BaseUrl + CalendarFeeds.StrandFeedPath(strand.Slug);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        var strandIds = Participant?.Enrolments.Select(e => e.StrandId).ToList() ?? [];
        Strands = await db.Strands.AsNoTracking().Where(s => strandIds.Contains(s.Id)).OrderBy(s => s.DisplayOrder).ToListAsync(cancellationToken);
        return Participant is not null;
    }
}
