using Microsoft.AspNetCore.Mvc;
using Upon.Aspirants.Apply;
using Upon.Aspirants.Apply.Pages;

namespace Upon.Aspirants.CohortYear.Pages;

/// <summary>The applicant's offer of a place, reached signed in to their application (the offer email's link): accept or decline.</summary>
public sealed class OfferModel(ApplicationForm form, OfferResponse offers) : ApplyPageModel(form)
{
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } result)
        {
            return result;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } result)
        {
            return result;
        }
        var accepted = await offers.AcceptAsync(Application!.Id, cancellationToken);
        if (accepted is null)
        {
            return Redirect(StepUrl("offer"));
        }
        TempData["Success"] = $"Welcome to the Aspirant Directors programme {Cohort.Name}. You are booked on {accepted.Booked} taught days" +
            (accepted.AlreadyStarted > 0 ? $" ({accepted.AlreadyStarted} had already begun)" : "") +
            (accepted.LearningSet is { } set ? $" and are in {set.Set.Name}." : ".");
        return Redirect(accepted.SetPasswordPath ?? "/account/sign-in?ReturnUrl=%2Fmy%2Fsessions");
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } result)
        {
            return result;
        }
        await offers.DeclineAsync(Application!.Id, cancellationToken);
        return Redirect(StepUrl("offer"));
    }

    private async Task<IActionResult?> GuardAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Application is null)
        {
            return Redirect(ReturnLinkUrl + "?expired=1");
        }
        Closed = offers.WhyClosed(Application, Cohort);
        return Closed is not null && Request.Method == HttpMethods.Post ? Redirect(StepUrl("offer")) : null;
    }
}
