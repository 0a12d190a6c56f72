using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions.Pages.Bookings;

/// <summary>
/// Staff manage a session's places: who is booked, the waiting list in order, apologies; book someone on their behalf
/// or cancel for them. A freed seat goes to the first person waiting, as when participants cancel themselves.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(UponDbContext db, BookingService bookings) : PageModel
{
    public Session Session { get; private set; } = null!;
    public IReadOnlyList<Booking> Booked { get; private set; } = [];
    public IReadOnlyList<Booking> Waiting { get; private set; } = [];
    public IReadOnlyList<Apology> Apologies { get; private set; } = [];

    /// <summary>People who could be booked: enrolled on the session's strand (and cohort), holding no place on it yet.</summary>
    public IReadOnlyList<Participant> Bookable { get; private set; } = [];

    [BindProperty]
    public int? ParticipantId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBookAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (ParticipantId is not { } participantId)
        {
            ModelState.AddModelError(nameof(ParticipantId), "Select who to book");
            return Page();
        }
        var outcome = await bookings.BookAsync(id, participantId, User.FindFirstValue(ClaimTypes.NameIdentifier), onBehalf: true, cancellationToken);
        var name = await db.Participants.Where(p => p.Id == participantId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(cancellationToken);
        switch (outcome.Result)
        {
            case BookingResult.Booked:
                TempData["Success"] = $"{name} is booked and has been emailed.";
                break;
            case BookingResult.Waitlisted:
                TempData["Success"] = $"The session is full: {name} is number {outcome.WaitingPosition} on the waiting list.";
                break;
            default:
                ModelState.AddModelError(nameof(ParticipantId), outcome.Reason ?? "They cannot be booked on this session");
                return Page();
        }
        return Redirect($"/sessions/{id}/bookings");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, int participantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await bookings.CancelAsync(id, participantId, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }
        if (outcome.Refused is { } refused)
        {
            ModelState.AddModelError(string.Empty, refused);
            return Page();
        }
        TempData["Success"] = outcome.Promoted is { } promoted
            ? $"Booking cancelled. The seat went to {promoted.FullName}, first on the waiting list, who has been emailed."
            : "Booking cancelled.";
        return Redirect($"/sessions/{id}/bookings");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return false;
        }
        Session = session;
        var held = await db.Bookings.AsNoTracking().Include(b => b.Participant)
            .Where(b => b.SessionId == id && b.Status != BookingStatus.Cancelled).OrderBy(b => b.Queue).ToListAsync(cancellationToken);
        Booked = [.. held.Where(b => b.Status == BookingStatus.Booked).OrderBy(b => b.Participant!.FamilyName).ThenBy(b => b.Participant!.GivenName)];
        Waiting = [.. held.Where(b => b.Status == BookingStatus.Waitlisted)];
        Apologies = await db.Apologies.AsNoTracking().Include(a => a.Participant).Where(a => a.SessionId == id).OrderBy(a => a.SentAt).ToListAsync(cancellationToken);
        var holding = held.Select(b => b.ParticipantId).ToHashSet();
        var enrolled = await db.Participants.AsNoTracking().Include(p => p.Enrolments)
            .Where(p => p.Enrolments.Any(e => e.StrandId == session.StrandId))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ToListAsync(cancellationToken);
        Bookable = [.. enrolled.Where(p => !holding.Contains(p.Id) && BookingService.IsOpenTo(session, p.Enrolments, session.Start.Date))];
        return true;
    }
}
