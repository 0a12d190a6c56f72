using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Data;
using Upon.NewDirectors.Pages.Shared;
using Upon.Register;
using Upon.Shared.Text;

namespace Upon.NewDirectors.Pages.Staff;

/// <summary>A register person who can be invited by hand: in post today, with no invitation.</summary>
public sealed record InviteCandidate(int PersonKey, string Name, string AuthorityName, LocalDate Since, bool HasEmail);

/// <summary>
/// The invitations to-do list: due invitations that cannot be sent because no email is recorded (record it and send),
/// and invitations not sent within their 14 days; inviting someone by hand; and every invitation, filtered by status.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InvitationsModel(UponDbContext db, InvitationDesk desk, IClock clock) : PageModel
{
    public const int MaxEmailLength = 320;

    public static readonly IReadOnlyList<InvitationStatus> Statuses = Enum.GetValues<InvitationStatus>();

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public LocalDate Today { get; private set; }

    /// <summary>Due (their send date has come), not sent, and the person has no email address.</summary>
    public IReadOnlyList<DirectorInvitation> NoEmail { get; private set; } = [];

    /// <summary>Not sent, and past the start date plus 14 days.</summary>
    public IReadOnlyList<DirectorInvitation> Overdue { get; private set; } = [];
    public IReadOnlyList<DirectorInvitation> All { get; private set; } = [];
    public IReadOnlyList<InviteCandidate> Candidates { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AuthorityNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The invitation whose missing email is being recorded.</summary>
    [BindProperty]
    public int? InvitationId { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Invite by hand: the person.</summary>
    [BindProperty]
    public int? PersonKey { get; set; }

    /// <summary>Invite by hand: their email, when the register has none (or to replace it).</summary>
    [BindProperty]
    public string? InviteEmail { get; set; }

    /// <summary>The model state key of a row's email field in the no-email list (its id, so the error summary links to it).</summary>
    public static string EmailKey(int invitationId) => $"Email-{invitationId}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRecordEmailAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.Clear();
        if (InvitationId is not { } id)
        {
            return NotFound();
        }
        var email = ReadEmail(EmailKey(id), Email, required: true);
        if (email is null)
        {
            return Page();
        }
        var outcome = await desk.RecordEmailAndSendAsync(id, email, cancellationToken);
        switch (outcome.Result)
        {
            case DeskResult.NotFound:
                return NotFound();
            case DeskResult.Done:
                TempData["Success"] = $"Email saved, and the invitation sent to {email}.";
                return Redirect("/new-directors/invitations");
            default:
                ModelState.AddModelError(EmailKey(id), "This invitation can no longer be sent: it has been answered or withdrawn");
                return Page();
        }
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.Clear();
        var candidate = Candidates.FirstOrDefault(c => c.PersonKey == PersonKey);
        if (candidate is null)
        {
            ModelState.AddModelError(nameof(PersonKey), "Select who to invite");
        }
        var email = ReadEmail(nameof(InviteEmail), InviteEmail, required: candidate is { HasEmail: false });
        if (!ModelState.IsValid || candidate is null)
        {
            return Page();
        }
        var outcome = await desk.InviteByHandAsync(candidate.PersonKey, email, cancellationToken);
        switch (outcome.Result)
        {
            case DeskResult.Done:
                TempData["Success"] = $"{outcome.Invitation!.Person!.FullName} has been invited, and the invitation sent to {outcome.Invitation.Email}.";
                return Redirect(JourneyFormat.InvitationUrl(outcome.Invitation.Id));
            case DeskResult.NoEmail:
                ModelState.AddModelError(nameof(InviteEmail), "Enter their email address: the register has none");
                return Page();
            case DeskResult.AlreadyInvited:
                ModelState.AddModelError(nameof(PersonKey), $"{candidate.Name} already has an invitation");
                return Page();
            default:
                ModelState.AddModelError(nameof(PersonKey), "Select who to invite");
                return Page();
        }
    }

    private string? ReadEmail(string key, string? value, bool required)
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
        {
            if (required)
            {
                ModelState.AddModelError(key, "Enter an email address");
            }
            return null;
        }
        if (email.Length > MaxEmailLength)
        {
            ModelState.AddModelError(key, $"Email address must be {MaxEmailLength} characters or fewer");
            return null;
        }
        if (!EmailAddresses.IsValid(email))
        {
            ModelState.AddModelError(key, "Enter an email address in the correct format, like name@example.org");
            return null;
        }
        return email;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        var today = Today;
        AuthorityNames = await db.Authorities.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var pending = await db.DirectorInvitations.AsNoTracking().Include(i => i.Person).Where(i => i.Status == InvitationStatus.Pending)
            .OrderBy(i => i.DueBy).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        NoEmail = [.. pending.Where(i => i.SendOn <= today && string.IsNullOrWhiteSpace(i.Person!.Email))];
        Overdue = [.. pending.Where(i => i.DueBy < today)];
        var status = Statuses.Cast<InvitationStatus?>().FirstOrDefault(s => JourneyFormat.InvitationStatusCode(s!.Value) == Status);
        Status = status is null ? null : Status;
        var all = db.DirectorInvitations.AsNoTracking().Include(i => i.Person).AsQueryable();
        if (status is { } wanted)
        {
            all = all.Where(i => i.Status == wanted);
        }
        All = await all
            .OrderByDescending(i => i.StartDate).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        var invited = db.DirectorInvitations.Select(i => i.PersonKey);
        var inPost = await db.Appointments.AsNoTracking().Include(a => a.Person)
            .Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today) && !invited.Contains(a.PersonKey))
            .ToListAsync(cancellationToken);
        Candidates = [.. inPost.GroupBy(a => a.PersonKey).Select(g => g.OrderByDescending(a => a.StartDate).First())
            .OrderBy(a => a.Person!.FamilyName).ThenBy(a => a.Person!.GivenName)
            .Select(a => new InviteCandidate(a.PersonKey, $"{a.Person!.FamilyName}, {a.Person.GivenName}",
                AuthorityNames.TryGetValue(a.AuthorityCode, out var name) ? name : a.AuthorityCode, a.StartDate, !string.IsNullOrWhiteSpace(a.Person.Email)))];
    }
}
