using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Sessions.Pages.Programme;

/// <summary>The public page about the programme: its strands and how sessions run.</summary>
[AllowAnonymous]
public class IndexModel(SessionQueries queries) : PageModel
{
    public IReadOnlyList<Strand> Strands { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Strands = await queries.StrandsAsync(cancellationToken);
}
