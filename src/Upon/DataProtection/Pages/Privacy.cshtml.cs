using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.DataProtection.Pages;

/// <summary>The public privacy notice, generated from the data map: what Upon holds, why, on what basis, for how long, and what erasure does.</summary>
[AllowAnonymous]
public sealed class PrivacyModel : PageModel
{
    public IReadOnlyList<TablePolicy> Tables { get; } = [.. DataMapDocument.PersonalTables];

    public void OnGet()
    {
    }
}
