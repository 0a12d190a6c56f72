using NodaTime;
using Upon.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Shared.Security;
using Upon.Shared.Forms;
using Upon.Sessions.Pages.Shared;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// Postpones a session: it moves to the new date and time and is marked postponed, bookings and waiting list kept, and
/// everyone booked or waiting is emailed the old and new times. A bank holiday or clash on the new date is a warning.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class PostponeModel(SessionChanges changes, SessionQueries queries, SessionWarnings warnings, IClock clock) : SessionChangePage(queries)
{
    public static readonly IReadOnlyList<string> ErrorOrder =
        FormFieldErrors.ErrorOrder(["", "Date", nameof(StartTime), nameof(EndTime), "EndDate", nameof(Reason)], "Date", "EndDate");

    [BindProperty]
    public DateInput Date { get; set; } = new();

    [BindProperty]
    public string? StartTime { get; set; }

    [BindProperty]
    public string? EndTime { get; set; }

    [BindProperty]
    public DateInput EndDate { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Confirmed { get; set; }

    public IReadOnlyList<SessionWarning> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        StartTime = FormInput.TimeText(Session.Start.TimeOfDay);
        EndTime = FormInput.TimeText(Session.End.TimeOfDay);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var start = FormInput.Time(ModelState, nameof(StartTime), StartTime, "Start time");
        var end = FormInput.Time(ModelState, nameof(EndTime), EndTime, "End time");
        var when = SessionForm.ReadWhen(ModelState, Date, EndDate, start, end, clock.TodayInLondon());
        var reason = FormInput.Optional(ModelState, nameof(Reason), Reason, MaxReasonLength, "Reason");
        if (when is not { } times || ModelState.ErrorCount > 0)
        {
            return Page();
        }
        Warnings = [.. (await warnings.ForAsync(Session.StrandId, Session.CohortId, times.Start, times.End, id, cancellationToken)).Where(w => w.Key != "past")];
        if (!SessionWarnings.AreConfirmed(Warnings, Confirmed))
        {
            return Page();
        }
        var result = await changes.PostponeAsync(id, times.Start, times.End, reason, cancellationToken);
        if (!result.Succeeded)
        {
            Warnings = [];
            SessionFormBase.AddErrors(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = Done($"Session postponed to {SessionFormat.When(times.Start, times.End)}", result.Emailed);
        return Redirect(SessionPages.Url(id));
    }
}
