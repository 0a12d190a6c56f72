using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>
/// What the applicant's pages share: public (the applicant has no account; the signed-in application comes from the
/// emailed link's cookie), never cached, with the cohort from the address.
/// </summary>
[AllowAnonymous]
public abstract class ApplyPageModel(ApplicationForm form) : PageModel
{
    protected ApplicationForm Form => form;

    [FromRoute(Name = "cohort")]
    public string? CohortName { get; set; }

    public AspirantCohort Cohort { get; private set; } = null!;
    public AspirantApplication? Application { get; private set; }

    /// <summary>Loads the cohort and the signed-in application; false when the cohort does not exist.</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await form.CohortAsync(CohortName, cancellationToken) is not { } cohort)
        {
            return false;
        }
        Cohort = cohort;
        Application = await form.SignedInAsync(HttpContext, cohort, cancellationToken);
        return true;
    }

    public string StepUrl(string step) => ApplicationForm.StepUrl(Cohort, step);

    public string StartUrl => $"/aspirants/apply/{Cohort.Name}";

    public string ReturnLinkUrl => $"/aspirants/apply/{Cohort.Name}/return-link";
}
