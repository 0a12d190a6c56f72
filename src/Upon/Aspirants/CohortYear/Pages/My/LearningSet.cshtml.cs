using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.Aspirants.CohortYear.Pages.My;

/// <summary>The participant's own action learning set, once published: who is in it and its meetings.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class LearningSetModel(CurrentParticipant current, LearningSetService sets, UponDbContext db) : PageModel
{
    public IReadOnlyList<AspirantLearningSet> Sets { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AuthorityNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await current.FindAsync(User, cancellationToken) is not { } participant) return NotFound();
        Sets = await sets.MineAsync(participant.Id, cancellationToken);
        var codes = Sets.SelectMany(s => s.Members).Select(m => m.Application!.AuthorityCode).OfType<string>().Distinct().ToList();
        AuthorityNames = await db.Authorities.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return Page();
    }
}
