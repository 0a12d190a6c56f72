using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Coaching;
using Upon.Shared.Security;
using Upon.Shared.Text;

namespace Upon.Coaching.Pages.Staff;

/// <summary>
/// Invites a coach into the pool: their account (Coach role, no password) and coach profile, with the one-time
/// set-password link emailed to them. Administrators only, signed in interactively: it creates a credential.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class InviteCoachModel(CoachInvitations invitations, IConfiguration configuration) : PageModel
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;

    public static readonly IReadOnlyList<string> ErrorOrder = [nameof(Email), nameof(GivenName), nameof(FamilyName), nameof(Capacity), nameof(Modes), nameof(Regions)];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? Capacity { get; set; }
    [BindProperty] public List<string> Modes { get; set; } = [];
    [BindProperty] public List<string> Regions { get; set; } = [];

    [TempData] public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var email = Email?.Trim() ?? "";
        var given = GivenName?.Trim() ?? "";
        var family = FamilyName?.Trim() ?? "";
        if (email.Length == 0) ModelState.AddModelError(nameof(Email), "Enter an email address");
        else if (email.Length > EmailMaxLength) ModelState.AddModelError(nameof(Email), $"Email address must be {EmailMaxLength} characters or fewer");
        else if (!EmailAddresses.IsValid(email)) ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        if (given.Length == 0) ModelState.AddModelError(nameof(GivenName), "Enter their given name");
        else if (given.Length > NameMaxLength) ModelState.AddModelError(nameof(GivenName), $"Given name must be {NameMaxLength} characters or fewer");
        if (family.Length == 0) ModelState.AddModelError(nameof(FamilyName), "Enter their family name");
        else if (family.Length > NameMaxLength) ModelState.AddModelError(nameof(FamilyName), $"Family name must be {NameMaxLength} characters or fewer");
        var capacityText = Capacity?.Trim() ?? "";
        int capacity = 0;
        if (capacityText.Length == 0) ModelState.AddModelError(nameof(Capacity), "Enter how many coachees they take at once");
        else if (!int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out capacity) || capacity > CoachProfile.MaxCapacity)
            ModelState.AddModelError(nameof(Capacity), $"Capacity must be a whole number from 0 to {CoachProfile.MaxCapacity}");
        var online = Modes.Contains(CoachingModes.Online);
        var inPerson = Modes.Contains(CoachingModes.InPerson);
        if (!online && !inPerson) ModelState.AddModelError(nameof(Modes), "Select how they coach: online, in person or both");
        else if (Modes.Any(m => m is not (CoachingModes.Online or CoachingModes.InPerson))) ModelState.AddModelError(nameof(Modes), "Select online, in person or both");
        if (Regions.Any(r => !CoachingModes.IsRegionCode(r))) ModelState.AddModelError(nameof(Regions), "Select regions from the list");
        else if (inPerson && Regions.Count == 0) ModelState.AddModelError(nameof(Regions), "Select the regions where they coach in person");
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var created = await invitations.InviteAsync(new CoachInvite(email, given, family, capacity, online, inPerson, inPerson ? Regions : []),
            Upon.Shared.AppLinks.BaseUrl(configuration), cancellationToken);
        if (created.Errors.Count > 0)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(Email), error);
            }
            return Page();
        }
        Notice = $"{given} {family} is invited: they have been emailed a link to set their password (it works once, for 7 days), then they can give their consents on their profile.";
        return Redirect("/coaching");
    }
}
