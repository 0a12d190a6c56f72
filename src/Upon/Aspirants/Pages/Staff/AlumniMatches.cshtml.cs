using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>Suggested matches between alumni and register people (same name, a DCS post in the authority they applied from), to confirm or reject.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class AlumniMatchesModel(AlumniSuggestions suggestions) : PageModel
{
    public IReadOnlyList<AlumniSuggestion> Suggestions { get; private set; } = [];
    public string? Error { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Suggestions = await suggestions.ListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmAsync(int applicationKey, int personKey, CancellationToken cancellationToken) =>
        DecideAsync(() => suggestions.ConfirmAsync(applicationKey, personKey, cancellationToken), "Match confirmed: the alumni figures count this alumnus as that register person.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int applicationKey, int personKey, CancellationToken cancellationToken) =>
        DecideAsync(() => suggestions.RejectAsync(applicationKey, personKey, cancellationToken), "Suggestion rejected: it will not be suggested again.", cancellationToken);

    private async Task<IActionResult> DecideAsync(Func<Task> decide, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await decide();
        }
        catch (AlumniSuggestionException e)
        {
            Error = e.Message;
            Suggestions = await suggestions.ListAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Notice = notice;
        return RedirectToPage();
    }
}
