using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.Coach;

/// <summary>A coach's own profile: their details and, for each characteristic, whether they consent to be matched on it.</summary>
[Authorize(Roles = Roles.Coach)]
public sealed class ProfileModel(CurrentCoach current, CoachingVocabulary vocabulary, CoachingService coaching) : PageModel
{
    public CoachProfile? Coach { get; private set; }
    public IReadOnlyList<string> Characteristics { get; private set; } = [];
    public CharacteristicLabels Labels { get; private set; } = CharacteristicLabels.Standard;

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Coach = await current.FindAsync(User, cancellationToken);
        Characteristics = await vocabulary.CharacteristicsAsync(cancellationToken);
        Labels = await vocabulary.LabelsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostConsentAsync(string characteristic, bool consent, CancellationToken cancellationToken)
    {
        // A consent that is neither true nor false binds as false: never a reason to withdraw it.
        if (!ModelState.IsValid) return BadRequest();
        var coach = await current.FindAsync(User, cancellationToken);
        if (coach is null || !(await vocabulary.CharacteristicsAsync(cancellationToken)).Contains(characteristic)) return NotFound();
        await coaching.SetConsentAsync(coach.Id, characteristic, consent, cancellationToken);
        var label = (await vocabulary.LabelsAsync(cancellationToken)).Describe(characteristic);
        Notice = consent ? $"You consent to be matched as {label}." : $"Consent withdrawn: you will no longer be matched as {label}.";
        return Redirect("/coach/profile");
    }
}
