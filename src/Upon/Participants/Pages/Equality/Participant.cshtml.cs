using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Participants.Pages.Equality;

/// <summary>
/// One participant's equality information, for administrators only (partner staff do not need it to run the programme).
/// Opening the page is recorded in the audit log.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class ParticipantModel(UponDbContext db, EqualityRecords records) : PageModel
{
    public Participant Participant { get; private set; } = null!;
    public EqualityInformation? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (participant is null)
        {
            return NotFound();
        }
        Participant = participant;
        Record = await records.ReadAsync(id, "equality information, by an administrator", cancellationToken);
        return Page();
    }
}
