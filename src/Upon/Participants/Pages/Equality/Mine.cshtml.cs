using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Core.Equality;

namespace Upon.Participants.Pages.Equality;

/// <summary>
/// A participant or a coach gives or changes their own equality information. Every answer can be "prefer not to say".
/// A coach who is not a participant answers on the participant record that is theirs as the equality figures' coaches
/// row finds it (the same person in the register, or the same email ignoring case); when there is none, one is created,
/// without enrolments, as they first save (it gives them no place on the programme).
/// </summary>
[Authorize(Roles = Roles.Participant + "," + Roles.Coach)]
public sealed class MineModel(CurrentParticipant current, CurrentCoach currentCoach, EqualityRecords records, UponDbContext db, IClock clock) : PageModel
{
    public Participant? Participant { get; private set; }

    /// <summary>The coach profile when the account answers as a coach who is not a participant.</summary>
    public CoachProfile? Coach { get; private set; }

    [BindProperty]
    public string? EthnicityCode { get; set; }

    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public string? Disability { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        if (Participant is not null && await records.ReadAsync(Participant.Id, "their own equality information", cancellationToken) is { } record)
        {
            EthnicityCode = record.EthnicityCode ?? EqualityChoices.PreferNotToSay;
            Sex = record.Sex.ToString();
            Disability = record.Disability.ToString();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        if (Participant is null && Coach is null)
        {
            return NotFound();
        }
        if (EthnicityCode != EqualityChoices.PreferNotToSay && !Ethnicity.TryFindChoice(EthnicityCode, out _))
        {
            ModelState.AddModelError(nameof(EthnicityCode), "Select your ethnic group, or prefer not to say");
        }
        if (!Enum.TryParse<Sex>(Sex, out var sex) || !Enum.IsDefined(sex))
        {
            ModelState.AddModelError(nameof(Sex), "Select your sex, or prefer not to say");
        }
        if (!Enum.TryParse<Disability>(Disability, out var disability) || !Enum.IsDefined(disability))
        {
            ModelState.AddModelError(nameof(Disability), "Select whether you are disabled, or prefer not to say");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var ethnicity = EthnicityCode == EqualityChoices.PreferNotToSay ? null : EthnicityCode;
        if (Participant is null)
        {
            var coach = Coach!;
            var own = new Participant { GivenName = coach.GivenName, FamilyName = coach.FamilyName, Email = coach.Email, PersonKey = coach.PersonKey, CreatedAt = clock.GetCurrentInstant() };
            await records.SaveNewAsync(own, ethnicity, sex, disability, cancellationToken);
        }
        else
        {
            await records.SaveAsync(Participant.Id, ethnicity, sex, disability, cancellationToken);
        }
        TempData["Success"] = "Your equality information is saved.";
        return Redirect("/my/equality");
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is not null || !User.IsInRole(Roles.Coach) || await currentCoach.FindAsync(User, cancellationToken) is not { } coach)
        {
            return;
        }
        Coach = coach;
        var lower = coach.Email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
        Participant = await db.Participants.AsNoTracking().OrderBy(p => p.Id)
            .FirstOrDefaultAsync(p => (coach.PersonKey != null && p.PersonKey == coach.PersonKey) || p.Email.ToLower() == lower, cancellationToken);
#pragma warning restore CA1862
    }
}
