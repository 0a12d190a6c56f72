using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Core;
using Upon.Shared.Forms;
using Upon.Shared.Security;
using Upon.Shared.Text;

namespace Upon.DataProtection.Pages;

/// <summary>Logs a request made by email: who, what they asked for and the day it arrived; it is due one month later.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class NewRequestModel(SubjectRequests requests, IClock clock) : PageModel
{
    public static readonly string[] FieldOrder = [nameof(Email), nameof(Kind), nameof(ReceivedOn), nameof(Notes)];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public DateInput ReceivedOn { get; set; } = new();

    [BindProperty]
    public string? Notes { get; set; }

    public void OnGet() => ReceivedOn = DateInput.From(clock.TodayInLondon());

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address of the person the request is about");
        }
        else if (!EmailAddresses.IsValid(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }
        if (!Enum.TryParse<SubjectRequestKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select what the person asked for");
        }
        var today = clock.TodayInLondon();
        var received = ReceivedOn.Read(ModelState, nameof(ReceivedOn), "Date received", required: true);
        if (received is { } day && (day > today || day < PlausibleDates.Earliest))
        {
            ModelState.AddModelError(DateInput.ErrorKey(nameof(ReceivedOn)), "Date received must be today or in the past");
        }
        if (Notes is { Length: > SubjectRequest.MaxNotesLength })
        {
            ModelState.AddModelError(nameof(Notes), $"Notes must be {SubjectRequest.MaxNotesLength} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var request = await requests.LogAsync(email, kind, received!.Value, Notes, cancellationToken);
        return Redirect($"/privacy/requests/{request.Id}");
    }
}
