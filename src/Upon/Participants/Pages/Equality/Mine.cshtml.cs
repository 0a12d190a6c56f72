using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Core.Equality;

namespace Upon.Participants.Pages.Equality;

/// <summary>A participant gives or changes their own equality information. Every answer can be "prefer not to say".</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class MineModel(CurrentParticipant current, EqualityRecords records) : PageModel
{
    public Participant? Participant { get; private set; }

    [BindProperty]
    public string? EthnicityCode { get; set; }

    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public string? Disability { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
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
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is null)
        {
            return NotFound();
        }
        if (EthnicityCode != EqualityChoices.PreferNotToSay && !Ethnicity.TryFind(EthnicityCode, out _))
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
        await records.SaveAsync(Participant.Id, EthnicityCode == EqualityChoices.PreferNotToSay ? null : EthnicityCode, sex, disability, cancellationToken);
        TempData["Success"] = "Your equality information is saved.";
        return Redirect("/my/equality");
    }
}
