using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.DataProtection.Pages;

/// <summary>
/// Administrators' to-do list of data protection requests made by email, soonest due first (overdue ones marked), the
/// ones answered lately, and the last retention runs: what was due and what was done.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class RequestsModel(SubjectRequests requests, UponDbContext db) : PageModel
{
    public IReadOnlyList<SubjectRequest> Open { get; private set; } = [];
    public IReadOnlyList<SubjectRequest> Answered { get; private set; } = [];
    public IReadOnlyList<AuditEvent> RetentionRuns { get; private set; } = [];
    public SubjectRequests Service => requests;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Open, Answered) = await requests.ListAsync(cancellationToken);
        RetentionRuns = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.RetentionRun).OrderByDescending(e => e.Id).Take(10).ToListAsync(cancellationToken);
    }
}
