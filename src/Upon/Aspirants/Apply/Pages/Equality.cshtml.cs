using Microsoft.AspNetCore.Mvc;
using Upon.Core.Equality;
using Upon.Shared.Forms;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>
/// The optional equality monitoring questions, after submitting: every one may be left blank or answered "prefer not
/// to say". Stored apart from the application (<see cref="AspirantEqualityMonitoring"/>); only the applicant sees their
/// answers here.
/// </summary>
public sealed class EqualityModel(ApplicationForm form, EqualityMonitoringForm equality) : ApplyPageModel(form)
{
    public const string PreferNotToSay = "prefer-not-to-say";

    [BindProperty] public string? EthnicityCode { get; set; }
    [BindProperty] public string? Sex { get; set; }
    [BindProperty] public string? GenderSameAsAtBirth { get; set; }
    [BindProperty] public string? SexualOrientation { get; set; }
    [BindProperty] public string? LongTermCondition { get; set; }
    [BindProperty] public string? ActivitiesReduced { get; set; }
    [BindProperty] public string? Religion { get; set; }
    [BindProperty] public string? AgeBand { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } redirect)
        {
            return redirect;
        }
        if (await equality.FindAsync(Application!.Id, cancellationToken) is { } saved)
        {
            EthnicityCode = saved.EthnicityPreferNotToSay ? PreferNotToSay : saved.EthnicityCode;
            Sex = saved.Sex?.ToString();
            GenderSameAsAtBirth = saved.GenderSameAsAtBirth?.ToString();
            SexualOrientation = saved.SexualOrientation?.ToString();
            LongTermCondition = saved.LongTermCondition?.ToString();
            ActivitiesReduced = saved.ActivitiesReduced?.ToString();
            Religion = saved.Religion?.ToString();
            AgeBand = saved.AgeBand?.ToString();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } redirect)
        {
            return redirect;
        }
        var answers = new AspirantEqualityMonitoring
        {
            EthnicityPreferNotToSay = EthnicityCode == PreferNotToSay,
            EthnicityCode = Ethnicity.TryFindChoice(EthnicityCode, out var group) ? group.Code : null,
            Sex = Parse<MonitoringSex>(nameof(Sex), Sex),
            GenderSameAsAtBirth = Parse<YesNoPreferNot>(nameof(GenderSameAsAtBirth), GenderSameAsAtBirth),
            SexualOrientation = Parse<SexualOrientation>(nameof(SexualOrientation), SexualOrientation),
            LongTermCondition = Parse<YesNoPreferNot>(nameof(LongTermCondition), LongTermCondition),
            ActivitiesReduced = Parse<ActivitiesReduced>(nameof(ActivitiesReduced), ActivitiesReduced),
            Religion = Parse<Religion>(nameof(Religion), Religion),
            AgeBand = Parse<AgeBand>(nameof(AgeBand), AgeBand),
        };
        if (!string.IsNullOrEmpty(EthnicityCode) && EthnicityCode != PreferNotToSay && answers.EthnicityCode is null)
        {
            ModelState.AddModelError(nameof(EthnicityCode), "Select an ethnic group from the list");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await equality.SaveAsync(Application!, answers, cancellationToken);
        TempData["Success"] = "Thank you. Your equality monitoring answers are saved.";
        return Redirect(StepUrl("submitted"));
    }

    private T? Parse<T>(string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        ModelState.AddModelError(field, "Select one of the answers");
        return null;
    }

    private async Task<IActionResult?> GuardAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Application is null)
        {
            return Redirect(ReturnLinkUrl + "?expired=1");
        }
        return Application.Status == ApplicationStatus.Submitted ? null : Redirect(StartUrl);
    }

    public static IReadOnlyList<Choice> Choices<T>(params (T Value, string Text)[] choices) where T : struct, Enum =>
        [.. choices.Select(c => new Choice(c.Value.ToString(), c.Text))];
}
