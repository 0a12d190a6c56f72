using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Accounts;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>
/// Where the emailed link lands. Opening it changes nothing (mail scanners open links); the button uses up the link
/// and signs this browser in to the application.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class ResumeModel(ApplicantSignIn signIn) : PageModel
{
    public bool Failed { get; private set; }

    public IActionResult OnGet()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken cancellationToken)
    {
        var application = await signIn.RedeemAsync(secret, cancellationToken);
        if (application is null)
        {
            Failed = true;
            return Page();
        }
        signIn.SignIn(HttpContext, application.Id, byEmailedLink: true);
        var cohort = application.Cohort!;
        // An applicant with an offer to answer came from the offer email: take them to it.
        return Redirect(application.Offer == OfferStatus.Offered ? Selection.OfferPath(cohort.Name)
            : application.Status == ApplicationStatus.Submitted ? $"/aspirants/apply/{cohort.Name}/submitted" : $"/aspirants/apply/{cohort.Name}");
    }
}
