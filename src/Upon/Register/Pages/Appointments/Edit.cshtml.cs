using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;

namespace Upon.Register.Pages.Appointments;

/// <summary>Changes any part of an appointment, including its authority and person.</summary>
[Authorize(Policy = Policies.Staff)]
public class EditModel(AppointmentService appointments, RegisterQueries queries, UponDbContext db) : PageModel
{
    [BindProperty]
    public AppointmentForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Authorities { get; private set; } = [];

    /// <summary>The appointment as the register has it.</summary>
    public Appointment Appointment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = AppointmentForm.From(Appointment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Form.Validate(ModelState) is { } change)
        {
            var result = await appointments.EditAsync(id, change, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "Appointment updated";
                return Redirect(RegisterFormat.AuthorityUrl(change.AuthorityCode));
            }
            AppointmentForm.AddServiceErrors(ModelState, result.Errors);
        }
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
        Authorities = await AppointmentForm.AuthorityChoicesAsync(db, queries.Today, cancellationToken);
        return true;
    }
}
