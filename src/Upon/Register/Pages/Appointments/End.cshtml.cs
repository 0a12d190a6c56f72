using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;

namespace Upon.Register.Pages.Appointments;

/// <summary>Records the last day in post of an appointment, why it ended and whether that was unplanned.</summary>
[Authorize(Policy = Policies.Staff)]
public class EndModel(AppointmentService appointments, UponDbContext db) : PageModel
{
    private static readonly IReadOnlyList<string> EndFields = ["End", "Reason", "Unplanned"];

    public static readonly IReadOnlyList<string> ErrorOrder = FormFieldErrors.ErrorOrder(EndFields, "End");

    [BindProperty]
    public DateInput End { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Unplanned { get; set; }

    public Appointment Appointment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        End = DateInput.From(Appointment.EndDate);
        Reason = Appointment.LeavingReason?.ToCode();
        Unplanned = AppointmentForm.YesNo(Appointment.Unplanned);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var end = End.Read(ModelState, nameof(End), "End date", required: true);
        var reason = AppointmentForm.ReadReason(ModelState, nameof(Reason), Reason, required: true);
        var unplanned = AppointmentForm.ReadYesNo(ModelState, nameof(Unplanned), Unplanned, required: true);
        if (ModelState.ErrorCount > 0 || end is null || reason is null || unplanned is null)
        {
            return Page();
        }
        var result = await appointments.EndAsync(id, end.Value, reason.Value, unplanned.Value, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = "Appointment ended";
            return Redirect(RegisterFormat.AuthorityUrl(Appointment.AuthorityCode));
        }
        AppointmentForm.AddServiceErrors(ModelState, result.Errors, EndFields, fallback: "End");
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking()
            .Include(a => a.Person)
            .Include(a => a.Authority)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return false;
        }
        Appointment = appointment;
        return true;
    }
}
