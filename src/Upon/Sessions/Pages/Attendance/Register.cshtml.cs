using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using Upon.Core.Sessions;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>
/// A session's register: everyone expected (booked, sent apologies, or already marked), one row each, marked present,
/// late, left early, excused or absent and saved for the whole session at once. Every row must have a mark; if any is
/// missing, the page says whose and nothing is saved.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RegisterModel(SessionRegisters registers, AttendanceService attendance) : PageModel
{
    public SessionRegister Register { get; private set; } = null!;

    /// <summary>The mark code chosen for each participant, by participant id (<c>Marks[12]=present</c>).</summary>
    [BindProperty]
    public Dictionary<int, string?> Marks { get; set; } = [];

    /// <summary><c>present</c> starts everyone not yet marked, and without apologies, as present. It only fills in the form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Preset { get; set; }

    /// <summary>The model state key of a row's error, which is also the id of its first radio.</summary>
    public static string ErrorKey(int participantId) => $"mark-{participantId}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await registers.LoadAsync(id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        var everyonePresent = string.Equals(Preset, "present", StringComparison.OrdinalIgnoreCase);
        Marks = register.Lines.ToDictionary(
            l => l.Participant.Id,
            l => (l.Suggested ?? (everyonePresent ? AttendanceMark.Present : null))?.ToCode());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await registers.LoadAsync(id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        if (!register.IsOpen)
        {
            ModelState.AddModelError(string.Empty, WhyClosed(register));
            return Page();
        }

        var entries = new List<MarkEntry>();
        foreach (var line in register.Lines)
        {
            if (SessionCodes.TryParseMark(Marks.GetValueOrDefault(line.Participant.Id), out var mark))
            {
                entries.Add(new MarkEntry(line.Participant.Id, mark));
            }
            else
            {
                ModelState.AddModelError(ErrorKey(line.Participant.Id), $"Select whether {line.Participant.FullName} was present, late, left early, excused or absent");
            }
        }
        if (Marks.Keys.Any(k => register.Find(k) is null))
        {
            ModelState.AddModelError(string.Empty, "Who is expected changed while you were marking attendance: someone marked is no longer expected. Check the marks below and save again");
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var outcome = await attendance.RecordAsync(new RecordMarksOptions { SessionId = id, Marks = entries, Source = AttendanceSource.Register }, cancellationToken);
        switch (outcome.Result)
        {
            case RecordMarksResult.Saved:
                TempData["Success"] = Saved(outcome);
                return Redirect(AttendancePages.Register(id));
            case RecordMarksResult.SessionNotFound:
                return NotFound();
            default:
                // The session was cancelled, or people's places changed, between loading the page and saving it.
                Register = await registers.LoadAsync(id, cancellationToken) ?? register;
                ModelState.AddModelError(string.Empty, Register.IsOpen
                    ? "Who is expected changed while you were marking attendance. Check the marks below and save again"
                    : WhyClosed(Register));
                return Page();
        }
    }

    /// <summary>Why a register cannot be marked, in words for the page.</summary>
    public static string WhyClosed(SessionRegister register) => register.Availability switch
    {
        RegisterAvailability.Cancelled => "This session was cancelled, so it has no attendance to mark",
        RegisterAvailability.NotStarted => $"This session has not started yet. You can mark its attendance from the start: {SessionFormat.When(register.Session)}",
        _ => "",
    };

    /// <summary>"Attendance saved: 3 marks added, 1 changed, 20 unchanged."</summary>
    public static string Saved(RecordMarksOutcome outcome)
    {
        var parts = new List<string>(3);
        if (outcome.Added > 0)
        {
            parts.Add($"{outcome.Added} {(outcome.Added == 1 ? "mark" : "marks")} added");
        }
        if (outcome.Changed > 0)
        {
            parts.Add($"{outcome.Changed} changed");
        }
        if (outcome.Unchanged > 0)
        {
            parts.Add($"{outcome.Unchanged} unchanged");
        }
        return parts.Count == 0 ? "Attendance saved." : $"Attendance saved: {string.Join(", ", parts)}.";
    }
}
