using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Coaching;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.My;

/// <summary>
/// The participant's coaching request, one question a page: characteristics, kind of authority, mode, region (in
/// person only), coaches they would rather not have, check your answers, confirmation. Offered to those due coaching.
/// </summary>
[Authorize(Policy = Policies.Participants)]
public sealed class RequestModel(CurrentParticipant current, RequestForm form, CoachingVocabulary vocabulary) : PageModel
{
    private const string DraftKey = "coaching-request-draft";
    private const string DoneKey = "coaching-request-round";
    public static readonly string[] Steps = ["", "characteristics", "authority", "mode", "region", "avoid", "check", "done"];

    [FromRoute] public string? Step { get; set; }
    public RequestDraft Draft { get; private set; } = new();
    public IReadOnlyList<string> Characteristics { get; private set; } = [];
    public CharacteristicLabels Labels { get; private set; } = CharacteristicLabels.Standard;
    public IReadOnlyList<CoachProfile> Coaches { get; private set; } = [];
    public string? RoundName { get; private set; }
    public bool Due { get; private set; }

    /// <summary>They have a coach and have not asked to change: the form is not for them (they ask to change on <c>/my/coach</c>).</summary>
    public bool HasCoach { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null || !Steps.Contains(Step ?? "")) return NotFound();
        if (Step == "done")
        {
            RoundName = TempData[DoneKey] as string;
            return RoundName is null ? Redirect("/my/coach") : Page();
        }

        Due = await form.IsDueAsync(participant.Id, cancellationToken);
        HasCoach = Due && await form.HasCoachAsync(participant.Id, cancellationToken);
        if (!Due || HasCoach) return Step is null or "" ? Page() : Redirect("/my/coaching-request");
        Draft = ReadDraft();
        await LoadAsync(cancellationToken);
        if (Step is "check" or "region" or "avoid" or "mode" or "authority" && Array.IndexOf(Steps, Draft.NextStep()) < Array.IndexOf(Steps, Step))
        {
            return Redirect(StepUrl(Draft.NextStep()));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null || !await form.IsDueAsync(participant.Id, cancellationToken)) return NotFound();
        if (await form.HasCoachAsync(participant.Id, cancellationToken)) return Redirect("/my/coaching-request");
        Due = true;
        Draft = ReadDraft();
        await LoadAsync(cancellationToken);
        var f = Request.Form;
        switch (Step)
        {
            case "characteristics":
                var wishes = new Dictionary<string, string>();
                foreach (var c in Characteristics)
                {
                    var answer = f[$"wish-{c}"].ToString();
                    if (answer is RequestDraft.Must or RequestDraft.WouldLike or RequestDraft.NotNeeded) wishes[c] = answer;
                    else Errors[$"wish-{c}"] = $"Select must, would like or not needed for a coach who is {Labels.Describe(c)}";
                }

                if (Errors.Count == 0) { Draft.Wishes = wishes; Draft.WishesAnswered = true; }
                break;
            case "authority":
                var kind = f["kind"].ToString();
                if (kind == RequestDraft.NoKind || AuthorityKinds.TryParse(kind, out _)) Draft.AuthorityKind = kind;
                else Errors["kind"] = "Select a kind of authority, or that you have no preference";
                break;
            case "mode":
                var mode = f["mode"].ToString();
                if (CoachingModes.TryParseRequested(mode, out var m)) { Draft.Mode = m.ToCode(); if (m != RequestedMode.InPerson) Draft.Region = null; }
                else Errors["mode"] = "Select how you would like to be coached";
                break;
            case "region":
                var region = f["region"].ToString();
                if (CoachingModes.IsRegionCode(region)) Draft.Region = region.ToUpperInvariant();
                else Errors["region"] = "Select your region";
                break;
            case "avoid":
                var ids = new List<int>();
                foreach (var v in f["avoid"])
                {
                    if (int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var id) && Coaches.Any(c => c.Id == id)) ids.Add(id);
                    else Errors["avoid"] = "Select coaches from the list";
                }

                if (Errors.Count == 0) { Draft.Avoid = ids; Draft.AvoidAnswered = true; }
                break;
            case "check":
                try
                {
                    var round = await form.SubmitAsync(participant.Id, Draft, null, cancellationToken);
                    TempData.Remove(DraftKey);
                    TempData[DoneKey] = round;
                    return Redirect(StepUrl("done"));
                }
                catch (CoachingRuleException e)
                {
                    Errors["check"] = e.Message;
                    KeepDraft();
                    return Page();
                }
            default:
                return NotFound();
        }

        KeepDraft();
        if (Errors.Count > 0) return Page();
        return Redirect(StepUrl(f["change"] == "1" && Draft.NextStep() == "check" ? "check" : Draft.NextStep()));
    }

    public static string StepUrl(string step) => step.Length == 0 ? "/my/coaching-request" : $"/my/coaching-request/{step}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Characteristics = await vocabulary.CharacteristicsAsync(cancellationToken);
        Labels = await vocabulary.LabelsAsync(cancellationToken);
        Coaches = await form.CoachesAsync(cancellationToken);
        RoundName = (await form.OpenRoundAsync(cancellationToken))?.Name;
    }

    private RequestDraft ReadDraft() =>
        TempData.Peek(DraftKey) is string json ? JsonSerializer.Deserialize<RequestDraft>(json) ?? new() : new();

    private void KeepDraft() => TempData[DraftKey] = JsonSerializer.Serialize(Draft);
}
