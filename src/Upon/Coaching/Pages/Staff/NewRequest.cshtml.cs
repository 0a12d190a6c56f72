using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.Staff;

/// <summary>
/// An administrator opens a request for any participant in a round not yet published, whether or not they are due
/// coaching. The same checks as the participant's form; special-category data, so administrators only.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class NewRequestModel(UponDbContext db, RequestForm form, CoachingVocabulary vocabulary) : PageModel
{
    public MatchingRound Round { get; private set; } = null!;
    public IReadOnlyList<string> Characteristics { get; private set; } = [];
    public CharacteristicLabels Labels { get; private set; } = CharacteristicLabels.Standard;
    public IReadOnlyList<CoachProfile> Coaches { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public RequestDraft Draft { get; private set; } = new();
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var f = Request.Form;
        var email = (Email ?? "").Trim().ToLowerInvariant();
        string[] lookup = [email];
        var participant = email.Length is 0 or > 320 ? null : await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => lookup.Contains(p.Email.ToLower()), cancellationToken);
        if (participant is null) Errors["email"] = "Enter the email address of a participant Upon knows";
        foreach (var c in Characteristics)
        {
            var answer = f[$"wish-{c}"].ToString();
            if (answer is RequestDraft.Must or RequestDraft.WouldLike or RequestDraft.NotNeeded) Draft.Wishes[c] = answer;
            else Errors[$"wish-{c}"] = $"Select must, would like or not needed for a coach who is {Labels.Describe(c)}";
        }

        Draft.WishesAnswered = true;
        Draft.AuthorityKind = f["kind"].ToString();
        if (Draft.AuthorityKind != RequestDraft.NoKind && !AuthorityKinds.TryParse(Draft.AuthorityKind, out _)) Errors["kind"] = "Select a kind of authority, or no preference";
        Draft.Mode = f["mode"].ToString();
        if (!CoachingModes.TryParseRequested(Draft.Mode, out var mode)) Errors["mode"] = "Select how they would like to be coached";
        var region = f["region"].ToString();
        Draft.Region = region.Length == 0 ? null : region;
        if (Draft.Region is not null && !CoachingModes.IsRegionCode(Draft.Region)) Errors["region"] = "Select a region from the list";
        else if (mode == RequestedMode.InPerson && Draft.Region is null) Errors["region"] = "Select their region for in-person coaching";
        foreach (var v in f["avoid"])
        {
            if (int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var coachId) && Coaches.Any(c => c.Id == coachId)) Draft.Avoid.Add(coachId);
            else Errors["avoid"] = "Select coaches from the list";
        }

        Draft.AvoidAnswered = true;
        if (Errors.Count > 0) return Page();
        try
        {
            await form.SubmitAsync(participant!.Id, Draft, Round.Id, cancellationToken);
        }
        catch (CoachingRuleException e)
        {
            Errors["email"] = e.Message;
            return Page();
        }

        TempData["Notice"] = $"Request added for {participant.GivenName} {participant.FamilyName}.";
        return Redirect($"/coaching/rounds/{Round.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.MatchingRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status != RoundStatus.Published, cancellationToken);
        if (round is null) return false;
        Round = round;
        Characteristics = await vocabulary.CharacteristicsAsync(cancellationToken);
        Labels = await vocabulary.LabelsAsync(cancellationToken);
        Coaches = await form.CoachesAsync(cancellationToken);
        return true;
    }
}
