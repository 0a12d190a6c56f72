using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Accounts.Pages.Admin;

/// <summary>Every account with its role and whether it can be used now.</summary>
[Authorize(Policy = Policies.Administrators)]
public class IndexModel(UponDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await db.AccountsAsync(time.GetUtcNow(), cancellationToken);
}
