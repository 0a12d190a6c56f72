using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Shared.Security;
using Upon.Data;
using Upon.NewDirectors.Pages.Shared;
using Upon.Register;
using Upon.Shared.Text;

namespace Upon.NewDirectors.Pages.Staff;

/// <summary>
/// One invitation for staff: what was sent when, and what can be done: send it now or again (the same link while it
/// works, a new one when it expired or was declined), record its missing email, record a decline heard in
/// conversation, or withdraw it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InvitationModel(UponDbContext db, InvitationDesk desk, IClock clock) : PageModel
{
    public static readonly IReadOnlyList<string> ErrorOrder = [nameof(Email), nameof(Reason)];

    public DirectorInvitation Invitation { get; private set; } = null!;
    public string AuthorityName { get; private set; } = "";
    public SendKind Send { get; private set; }

    /// <summary>The enrolment made by accepting it, if it was accepted.</summary>
    public int? EnrolmentId { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int invitationId, CancellationToken cancellationToken) =>
        await LoadAsync(invitationId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(int invitationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(invitationId, cancellationToken))
        {
            return NotFound();
        }
        var kind = Send;
        var outcome = await desk.SendAsync(invitationId, cancellationToken);
        switch (outcome.Result)
        {
            case DeskResult.Done:
                TempData["Success"] = kind switch
                {
                    SendKind.First => $"The invitation has been sent to {outcome.Invitation!.Email}.",
                    SendKind.SameLink => $"The invitation has been sent again to {outcome.Invitation!.Email}, with the same link.",
                    _ => $"The invitation has been sent to {outcome.Invitation!.Email} with a new link. The old link no longer works.",
                };
                return Redirect(JourneyFormat.InvitationUrl(invitationId));
            case DeskResult.NoEmail:
                ModelState.AddModelError(nameof(Email), "Enter their email address first: the register has none");
                return Page();
            case DeskResult.NotFound:
                return NotFound();
            default:
                await LoadAsync(invitationId, cancellationToken);
                ModelState.AddModelError("", "This invitation can no longer be sent: it has been accepted or withdrawn");
                return Page();
        }
    }

    public async Task<IActionResult> OnPostRecordEmailAsync(int invitationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(invitationId, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address");
        }
        else if (email.Length > InvitationsModel.MaxEmailLength)
        {
            ModelState.AddModelError(nameof(Email), $"Email address must be {InvitationsModel.MaxEmailLength} characters or fewer");
        }
        else if (!EmailAddresses.IsValid(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await desk.RecordEmailAndSendAsync(invitationId, email, cancellationToken);
        if (outcome.Result == DeskResult.NotFound)
        {
            return NotFound();
        }
        if (outcome.Result != DeskResult.Done)
        {
            await LoadAsync(invitationId, cancellationToken);
            ModelState.AddModelError(nameof(Email), "This invitation can no longer be sent: it has been accepted or withdrawn");
            return Page();
        }
        TempData["Success"] = $"Email saved, and the invitation sent to {email}.";
        return Redirect(JourneyFormat.InvitationUrl(invitationId));
    }

    public async Task<IActionResult> OnPostDeclinedAsync(int invitationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(invitationId, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), "Enter what they said");
        }
        else if (reason.Length > DirectorInvitation.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), $"What they said must be {DirectorInvitation.MaxReasonLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await AfterAsync(invitationId, await desk.RecordDeclinedAsync(invitationId, reason, cancellationToken), "Recorded that they declined.", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int invitationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(invitationId, cancellationToken))
        {
            return NotFound();
        }
        return await AfterAsync(invitationId, await desk.WithdrawAsync(invitationId, cancellationToken), "The invitation has been withdrawn. Its link no longer works.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int invitationId, DeskOutcome outcome, string success, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case DeskResult.Done:
                TempData["Success"] = success;
                return Redirect(JourneyFormat.InvitationUrl(invitationId));
            case DeskResult.NotFound:
                return NotFound();
            default:
                await LoadAsync(invitationId, cancellationToken);
                ModelState.AddModelError("", "This invitation has already been answered or withdrawn");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.DirectorInvitations.AsNoTracking().Include(i => i.Person).Include(i => i.Appointment)
            .FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return false;
        }
        Invitation = invitation;
        AuthorityName = await db.Authorities.AsNoTracking().Where(a => a.Code == invitation.AuthorityCode).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? invitation.AuthorityCode;
        Send = InvitationDesk.HowToSend(invitation, clock.GetCurrentInstant());
        EnrolmentId = await db.Enrolments.Where(e => e.InvitationId == invitationId).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
