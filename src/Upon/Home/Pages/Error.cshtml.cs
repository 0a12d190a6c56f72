using Microsoft.AspNetCore.Authorization;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Home.Pages;

/// <summary>A generic error page with a reference id: details go to the log, never to the user.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later.";
    public string? Reference { get; private set; }

    // The status comes from the address only (/error/404): a re-executed request keeps its own form and query string, and
    // a "status" field in them must not choose the response's status.
    public void OnGet([FromRoute] int? status) => Describe(status);

    public void OnPost([FromRoute] int? status) => Describe(status);

    private void Describe(int? status)
    {
        // Re-executed after an exception, the status is the one chosen for it (413 for a body too large, say). An address
        // naming anything but an error status (/error/200, /error/-1) is not a page.
        var code = status switch
        {
            >= 400 and <= 599 => status.Value,
            not null => StatusCodes.Status404NotFound,
            null => Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : StatusCodes.Status500InternalServerError,
        };
        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."),
            403 => ("You do not have permission to see this page", "Ask a programme administrator if you think you should."),
            400 => ("Sorry, there is a problem with your request", "Go back and try again."),
            429 => ("Too many requests", "Wait a minute and try again."),
            413 => ("The file or form you sent is too large",
                (HttpContext.Items[Upon.Shared.RequestLimits.MaxBytesItem] is long limit ? Upon.Shared.RequestLimits.Describe(limit) + " " : "") +
                "Send a smaller file, or split it into parts."),
            405 => ("Sorry, there is a problem with your request", "This address does not accept that kind of request. Go back and try again."),
            _ => (Title, Message),
        };
        if (HttpContext.Items[Upon.Shared.ProxySupport.ProblemItem] is string detail)
        {
            Message = detail;
        }
        if (code >= 500)
        {
            Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
