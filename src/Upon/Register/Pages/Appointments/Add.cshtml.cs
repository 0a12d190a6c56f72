using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Data;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;

namespace Upon.Register.Pages.Appointments;

/// <summary>Adds one appointment, for a new person or one already in the register.</summary>
[Authorize(Policy = Policies.Staff)]
public class AddModel(AppointmentService appointments, RegisterQueries queries, UponDbContext db) : PageModel
{
    [BindProperty]
    public AppointmentForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Authorities { get; private set; } = [];

    /// <summary>Shows the empty form, with the authority chosen when coming from its page (<c>?authority=CODE</c>).</summary>
    public async Task OnGetAsync(string? authority, CancellationToken cancellationToken)
    {
        Form.AuthorityCode = authority;
        Authorities = await AppointmentForm.AuthorityChoicesAsync(db, queries.Today, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Form.Validate(ModelState) is { } change)
        {
            var result = await appointments.AddAsync(change, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "Appointment added";
                return Redirect(RegisterFormat.AuthorityUrl(change.AuthorityCode));
            }
            AppointmentForm.AddServiceErrors(ModelState, result.Errors);
        }
        Authorities = await AppointmentForm.AuthorityChoicesAsync(db, queries.Today, cancellationToken);
        return Page();
    }
}
