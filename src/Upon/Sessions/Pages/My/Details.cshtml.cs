using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.My;

/// <summary>One session for a participant: its details (the video link once they have a place), and booking, cancelling or apologies.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class DetailsModel(CurrentParticipant current, ParticipantSessions sessions, BookingService bookings, NodaTime.IClock clock) : PageModel
{
    public ParticipantSession Item { get; private set; } = null!;

    /// <summary>When the page was read: a place is kept, not given up, once the session has started.</summary>
    public NodaTime.Instant Now { get; } = clock.GetCurrentInstant();

    /// <summary>Why the session cannot be booked now, or null when it can.</summary>
    public string? ClosedBecause { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostBookAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }
        var outcome = await bookings.BookAsync(id, participant.Id, User.FindFirstValue(ClaimTypes.NameIdentifier), onBehalf: false, cancellationToken);
        switch (outcome.Result)
        {
            case BookingResult.Booked:
                TempData["Success"] = "You are booked. We have emailed you the details and a calendar invitation.";
                break;
            case BookingResult.Waitlisted:
                TempData["Success"] = $"The session is full: you are number {outcome.WaitingPosition} on the waiting list. We will email you if a place becomes yours.";
                break;
            default:
                ModelState.AddModelError(string.Empty, outcome.Reason ?? "You cannot book this session.");
                return Page();
        }
        return Redirect($"/my/sessions/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }
        var wasWaiting = Item.IsWaiting;
        var outcome = await bookings.CancelAsync(id, participant.Id, cancellationToken);
        if (outcome is null || outcome.Refused is not null)
        {
            ModelState.AddModelError(string.Empty, outcome?.Refused ?? "You do not hold a booking on this session.");
            return Page();
        }
        TempData["Success"] = wasWaiting ? "You have left the waiting list." : "Your booking is cancelled.";
        return Redirect($"/my/sessions/{id}");
    }

    public async Task<IActionResult> OnPostApologiesAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you cannot come");
        }
        else if (reason.Length > Apology.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Your reason must be {Apology.MaxReasonLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await bookings.SendApologiesAsync(id, participant.Id, reason, cancellationToken) is not { } outcome)
        {
            return NotFound();
        }
        if (outcome.Refused is not null)
        {
            ModelState.AddModelError(nameof(Reason), outcome.Refused);
            return Page();
        }
        TempData["Success"] = Item.HasPlace || Item.IsWaiting
            ? "Your apologies are sent and your place is given up, so someone waiting can have it."
            : "Your apologies are sent.";
        return Redirect($"/my/sessions/{id}");
    }

    private async Task<Participant?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null || await sessions.FindAsync(id, participant, cancellationToken) is not { } item)
        {
            return null;
        }
        Item = item;
        ClosedBecause = bookings.WhyClosed(item.Session, participant, onBehalf: false);
        return participant;
    }
}
