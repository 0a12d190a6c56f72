using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>A form as listed: what it is for, and how many questions it asks.</summary>
public sealed record FormLine(int Id, string Name, string? Strand, Upon.Core.Sessions.SessionType? Type, int Questions);

/// <summary>The feedback forms: the standard one and those set for a strand or type of session.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class FormsModel(UponDbContext db) : PageModel
{
    public IReadOnlyList<FormLine> Forms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var forms = await db.FeedbackForms.AsNoTracking()
            .Select(f => new { f.Id, f.Name, Strand = db.Strands.Where(s => s.Id == f.StrandId).Select(s => s.Name).FirstOrDefault(), f.SessionType, Questions = f.Questions.Count(q => !q.Retired) })
            .ToListAsync(cancellationToken);
        Forms = [.. forms.OrderBy(f => f.Strand is null && f.SessionType is null ? 0 : 1).ThenBy(f => f.Strand).ThenBy(f => f.SessionType).Select(f => new FormLine(f.Id, f.Name, f.Strand, f.SessionType, f.Questions))];
    }
}
