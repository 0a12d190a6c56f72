using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Strands;

/// <summary>The programme's strands, each with its cohorts, for staff to add and change.</summary>
[Authorize(Policy = Policies.Staff)]
public class IndexModel(SessionQueries queries) : PageModel
{
    public IReadOnlyList<Strand> Strands { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Strands = await queries.StrandsAsync(cancellationToken);
}
