using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.Coach;

/// <summary>A coach's own calendar feed of the sessions they coach: make its secret address, replace it, or turn it off.</summary>
[Authorize(Roles = Roles.Coach)]
public sealed class CalendarModel(CurrentCoach current, CoachCalendarFeed feeds) : PageModel
{
    public CoachProfile? Coach { get; private set; }

    /// <summary>The secret address just issued: shown once, never stored.</summary>
    public string? NewFeedUrl { get; private set; }

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Coach = await current.FindAsync(User, cancellationToken);
    }

    public async Task<IActionResult> OnPostNewAsync(CancellationToken cancellationToken)
    {
        var coach = await current.FindAsync(User, cancellationToken);
        if (coach is null) return NotFound();
        var secret = await feeds.NewAsync(coach.Id, cancellationToken);
        Coach = await current.FindAsync(User, cancellationToken);
        NewFeedUrl = feeds.BaseUrl + CoachCalendarFeed.FeedPath(secret);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var coach = await current.FindAsync(User, cancellationToken);
        if (coach is null) return NotFound();
        await feeds.RevokeAsync(coach.Id, cancellationToken);
        Notice = "Your calendar address is turned off: calendars subscribed to it get nothing more.";
        return Redirect("/coach/calendar");
    }
}
