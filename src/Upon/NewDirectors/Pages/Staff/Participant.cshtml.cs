using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Core;
using Upon.NewDirectors.Pages.Shared;
using Upon.Shared.Forms;

namespace Upon.NewDirectors.Pages.Staff;

/// <summary>
/// One New Director's journey for staff: stage, progress, attendance, history, and the decisions staff record (defer,
/// withdraw, resume, complete, and what to do when they left their post), each with a date and a reason.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ParticipantModel(JourneyQueries journeys, JourneyService service, Coaching.CoachingSummaries coachingSummaries, IClock clock) : PageModel
{
    public static readonly IReadOnlyList<string> ErrorOrder = ["Decision", "DecisionReason", "Action", .. FormFieldErrors.ErrorOrder(["On"], "On"), "Reason"];

    public JourneyView View { get; private set; } = null!;

    /// <summary>One-to-one coaching relationships in the coaching year, with hours used against entitlement.</summary>
    public IReadOnlyList<Coaching.CoachingSummary> Relationships { get; private set; } = [];
    public IReadOnlyList<JourneyAction> Actions { get; private set; } = [];

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public DateInput On { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The left-post decision: <c>continue</c> or <c>withdraw</c>.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? DecisionReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
        {
            return NotFound();
        }
        On = DateInput.From(clock.TodayInLondon());
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var action = Actions.Cast<JourneyAction?>().FirstOrDefault(a => a.ToString() == Action);
        if (action is null)
        {
            ModelState.AddModelError(nameof(Action), "Select what to record");
        }
        var on = On.Read(ModelState, nameof(On), "Date", required: true);
        var today = clock.TodayInLondon();
        var latest = View.Enrolment.History.Select(h => (LocalDate?)h.From).Max();
        if (on is { } date)
        {
            if (date > today)
            {
                ModelState.AddModelError(DateInput.ErrorKey(nameof(On)), "The date must be today or in the past");
            }
            else if (date < View.Enrolment.StartsOn)
            {
                ModelState.AddModelError(DateInput.ErrorKey(nameof(On)), $"The date must be on or after {JourneyFormat.Date(View.Enrolment.StartsOn)}, when the journey began");
            }
            else if (latest is { } last && date < last)
            {
                ModelState.AddModelError(DateInput.ErrorKey(nameof(On)), $"The date must be on or after {JourneyFormat.Date(last)}, the last date in the history");
            }
        }
        var reason = ReadReason(nameof(Reason), Reason);
        if (!ModelState.IsValid || action is null || on is null || reason is null)
        {
            return Page();
        }
        switch (await service.RecordAsync(enrolmentId, new JourneyChange(action.Value, on.Value, reason), cancellationToken))
        {
            case JourneyChangeResult.NotFound:
                return NotFound();
            case JourneyChangeResult.NotAllowed:
                await LoadAsync(enrolmentId, cancellationToken);
                ModelState.AddModelError(nameof(Action), "That change is no longer possible: the journey has changed. Check the history and try again");
                return Page();
        }
        TempData["Success"] = $"{JourneyFormat.Action(action.Value)}: recorded for {View.Participant.FullName}.";
        return Redirect(JourneyFormat.ParticipantUrl(enrolmentId));
    }

    public async Task<IActionResult> OnPostLeftPostAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        On = DateInput.From(clock.TodayInLondon());
        if (!View.LeftPostUndecided)
        {
            ModelState.AddModelError(nameof(Decision), "There is no leaving of post to decide on");
            return Page();
        }
        if (Decision is not ("continue" or "withdraw"))
        {
            ModelState.AddModelError(nameof(Decision), "Select whether they continue or are withdrawn");
        }
        var reason = ReadReason(nameof(DecisionReason), DecisionReason);
        if (!ModelState.IsValid || reason is null)
        {
            return Page();
        }
        switch (await service.DecideLeftPostAsync(enrolmentId, Decision == "continue", reason, cancellationToken))
        {
            case JourneyChangeResult.NotFound:
                return NotFound();
            case JourneyChangeResult.NotAllowed:
                await LoadAsync(enrolmentId, cancellationToken);
                ModelState.AddModelError(nameof(Decision), "That decision is no longer possible: the journey has changed. Check the history and try again");
                return Page();
        }
        TempData["Success"] = Decision == "continue"
            ? $"{View.Participant.FullName} continues on the programme."
            : $"{View.Participant.FullName} has been withdrawn.";
        return Redirect(JourneyFormat.ParticipantUrl(enrolmentId));
    }

    private string? ReadReason(string key, string? value)
    {
        var reason = value?.Trim() ?? "";
        if (reason.Length == 0)
        {
            ModelState.AddModelError(key, "Enter a reason");
            return null;
        }
        if (reason.Length > EnrolmentStatusChange.MaxReasonLength - 100)
        {
            ModelState.AddModelError(key, $"Reason must be {EnrolmentStatusChange.MaxReasonLength - 100:N0} characters or fewer");
            return null;
        }
        return reason;
    }

    private async Task<bool> LoadAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        var view = await journeys.ForEnrolmentAsync(enrolmentId, cancellationToken);
        if (view is null)
        {
            return false;
        }
        View = view;
        Actions = JourneyService.ActionsFor(view.Enrolment.Status);
        Relationships = await coachingSummaries.ForParticipantAsync(view.Enrolment.ParticipantId, view.Journey.CoachingYearStarts, view.Journey.CoachingYearEnds, cancellationToken);
        return true;
    }
}
