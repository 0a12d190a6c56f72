using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Accounts;
using Upon.Core;
using Upon.Core.Aspirants;
using Upon.Shared.Text;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>
/// The application, one thing a page: about you, your role, eligibility, each question, your endorsing director, and
/// check your answers. Every page saves what it is given before moving on, so nothing is lost if the applicant stops.
/// </summary>
public sealed class FormModel(ApplicationForm form, ApplicantSignIn signIn) : ApplyPageModel(form)
{
    [FromRoute] public string Step { get; set; } = "";
    [FromQuery] public bool Change { get; set; }

    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? RoleTitle { get; set; }
    [BindProperty] public string? Employer { get; set; }
    [BindProperty] public string? AuthorityCode { get; set; }
    [BindProperty] public string? OtherEmployer { get; set; }
    [BindProperty] public string? YearsSenior { get; set; }
    [BindProperty] public string? TiersBelowDcs { get; set; }
    [BindProperty] public string? BaliGraduate { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? EndorserName { get; set; }
    [BindProperty] public string? EndorserEmail { get; set; }
    [BindProperty] public string? ConsiderNextYear { get; set; }

    public const string AuthorityEmployer = "authority";
    public const string OtherEmployerChoice = "other";

    public IReadOnlyList<(string Code, string Name)> Authorities { get; private set; } = [];
    public AspirantQuestion? Question { get; private set; }
    public int QuestionNumber { get; private set; }
    public string EmployerName { get; private set; } = "";
    public bool CheckYourEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !ApplicationForm.Steps(Cohort).Contains(Step))
        {
            return NotFound();
        }
        if (Redirection() is { } redirect)
        {
            return redirect;
        }
        await PrepareAsync(cancellationToken);
        Fill();
        return Page();
    }

    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Step != ApplicationForm.AboutYou)
        {
            return NotFound();
        }
        if (!Form.IsOpen(Cohort))
        {
            return Redirect(StartUrl);
        }
        if (Application is not null)
        {
            return await OnPostAsync(cancellationToken);
        }
        var (given, family) = CheckNames();
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (!EmailAddresses.IsValid(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var started = await Form.StartAsync(Cohort, given, family, email, cancellationToken);
        if (started.AlreadyExisted)
        {
            // Someone may have typed another person's address: sign nobody in, just send its owner the link.
            CheckYourEmail = true;
            return Page();
        }
        signIn.SignIn(HttpContext, started.Application.Id);
        return Redirect(StepUrl(ApplicationForm.Role));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !ApplicationForm.Steps(Cohort).Contains(Step))
        {
            return NotFound();
        }
        if (Redirection() is { } redirect)
        {
            return redirect;
        }
        if (!Form.IsOpen(Cohort))
        {
            return Redirect(StartUrl);
        }
        var application = Application!;
        await PrepareAsync(cancellationToken);
        switch (Step)
        {
            case ApplicationForm.AboutYou:
                var (given, family) = CheckNames();
                if (ModelState.IsValid)
                {
                    application.GivenName = given;
                    application.FamilyName = family;
                }
                break;
            case ApplicationForm.Role:
                SaveRole(application);
                break;
            case ApplicationForm.EligibilityStep:
                var tiers = TiersBelowDcs switch { "1" => 1, "2" => 2, "3" => 3, _ => (int?)null };
                if (tiers is null)
                {
                    ModelState.AddModelError(nameof(TiersBelowDcs), "Select how many tiers below the director of children's services your role is");
                }
                if (BaliGraduate is not ("yes" or "no"))
                {
                    ModelState.AddModelError(nameof(BaliGraduate), "Select yes if you are a graduate of the Black and Asian Leadership Initiative");
                }
                if (ModelState.IsValid)
                {
                    application.TiersBelowDcs = tiers;
                    application.BaliGraduate = BaliGraduate == "yes";
                }
                break;
            case ApplicationForm.Endorser:
                var name = EndorserName?.Trim() ?? "";
                var email = EndorserEmail?.Trim() ?? "";
                if (name.Length == 0)
                {
                    ModelState.AddModelError(nameof(EndorserName), "Enter the director's full name");
                }
                else if (name.Length > AspirantApplication.MaxNameLength * 2)
                {
                    ModelState.AddModelError(nameof(EndorserName), $"The director's name must be {AspirantApplication.MaxNameLength * 2} characters or fewer");
                }
                if (email.Length == 0)
                {
                    ModelState.AddModelError(nameof(EndorserEmail), "Enter the director's email address");
                }
                else if (!EmailAddresses.IsValid(email))
                {
                    ModelState.AddModelError(nameof(EndorserEmail), "Enter an email address in the correct format, like name@example.org");
                }
                else if (string.Equals(email, application.Email, StringComparison.OrdinalIgnoreCase))
                {
                    ModelState.AddModelError(nameof(EndorserEmail), "Enter the director's email address, not your own");
                }
                if (ModelState.IsValid)
                {
                    application.EndorserName = name;
                    application.EndorserEmail = email;
                }
                break;
            case ApplicationForm.NextYear:
                // Optional: no answer leaves it unanswered (kept for the usual period only).
                if (ConsiderNextYear is not (null or "" or "yes" or "no"))
                {
                    ModelState.AddModelError(nameof(ConsiderNextYear), "Select yes if we may keep your application to consider you next year");
                }
                else
                {
                    application.ConsiderNextYear = ConsiderNextYear switch { "yes" => true, "no" => false, _ => null };
                }
                break;
            case ApplicationForm.Check:
                try
                {
                    await Form.SubmitAsync(Cohort, application, cancellationToken);
                    return Redirect(StepUrl("submitted"));
                }
                catch (ApplicationRuleException e)
                {
                    ModelState.AddModelError("", e.Message);
                    Fill();
                    return Page();
                }
            default:
                if (ModelState.IsValid && Question is not null)
                {
                    if (ApplicationForm.AnswerError(Question, Answer) is { } error)
                    {
                        ModelState.AddModelError(nameof(Answer), error);
                    }
                    else
                    {
                        ApplicationForm.Answer(application, Question, Answer!.Trim());
                    }
                }
                break;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await Form.SaveAsync(cancellationToken);
        var next = ApplicationForm.NextStep(Cohort, application);
        if (!Change)
        {
            var steps = ApplicationForm.Steps(Cohort).ToList();
            var following = steps[Math.Min(steps.IndexOf(Step) + 1, steps.Count - 1)];
            next = steps.IndexOf(following) < steps.IndexOf(next) ? following : next;
        }
        return Redirect(StepUrl(next));
    }

    private RedirectResult? Redirection()
    {
        if (Application is null)
        {
            // Not signed in (or the sign-in ran out): only the first page starts an application.
            return Step == ApplicationForm.AboutYou ? (Form.IsOpen(Cohort) ? null : Redirect(StartUrl)) : Redirect(ReturnLinkUrl + "?expired=1");
        }
        if (Application.Status == ApplicationStatus.Submitted)
        {
            return Redirect(StepUrl("submitted"));
        }
        return ApplicationForm.Reachable(Cohort, Application, Step) ? null : Redirect(StepUrl(ApplicationForm.NextStep(Cohort, Application)));
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Step.StartsWith("question-", StringComparison.Ordinal)
            && int.TryParse(Step["question-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= Cohort.Questions.Count)
        {
            QuestionNumber = number;
            Question = Cohort.Questions[number - 1];
        }
        if (Step == ApplicationForm.Role)
        {
            Authorities = await Form.AuthoritiesAsync(cancellationToken);
        }
        if (Step == ApplicationForm.Check && Application is not null)
        {
            EmployerName = await Form.EmployerAsync(Application, cancellationToken);
        }
    }

    private (string Given, string Family) CheckNames()
    {
        var given = GivenName?.Trim() ?? "";
        var family = FamilyName?.Trim() ?? "";
        if (given.Length == 0)
        {
            ModelState.AddModelError(nameof(GivenName), "Enter your first name");
        }
        else if (given.Length > AspirantApplication.MaxNameLength)
        {
            ModelState.AddModelError(nameof(GivenName), $"Your first name must be {AspirantApplication.MaxNameLength} characters or fewer");
        }
        if (family.Length == 0)
        {
            ModelState.AddModelError(nameof(FamilyName), "Enter your last name");
        }
        else if (family.Length > AspirantApplication.MaxNameLength)
        {
            ModelState.AddModelError(nameof(FamilyName), $"Your last name must be {AspirantApplication.MaxNameLength} characters or fewer");
        }
        return (given, family);
    }

    private void SaveRole(AspirantApplication application)
    {
        var title = RoleTitle?.Trim() ?? "";
        if (title.Length == 0)
        {
            ModelState.AddModelError(nameof(RoleTitle), "Enter your job title");
        }
        else if (title.Length > AspirantApplication.MaxRoleTitleLength)
        {
            ModelState.AddModelError(nameof(RoleTitle), $"Your job title must be {AspirantApplication.MaxRoleTitleLength} characters or fewer");
        }
        string? authority = null, other = null;
        if (Employer == AuthorityEmployer)
        {
            authority = Authorities.FirstOrDefault(a => a.Code == AuthorityCode).Code;
            if (authority is null)
            {
                ModelState.AddModelError(nameof(AuthorityCode), "Select your local authority");
            }
        }
        else if (Employer == OtherEmployerChoice)
        {
            other = OtherEmployer?.Trim() ?? "";
            if (other.Length == 0)
            {
                ModelState.AddModelError(nameof(OtherEmployer), "Enter the name of your employer");
            }
            else if (other.Length > AspirantApplication.MaxEmployerLength)
            {
                ModelState.AddModelError(nameof(OtherEmployer), $"Your employer's name must be {AspirantApplication.MaxEmployerLength} characters or fewer");
            }
        }
        else
        {
            ModelState.AddModelError(nameof(Employer), "Select whether you work for a local authority or another employer");
        }
        var years = YearsSenior?.Trim() ?? "";
        decimal? parsed = null;
        if (years.Length == 0)
        {
            ModelState.AddModelError(nameof(YearsSenior), "Enter how many years you have been in a senior leadership role");
        }
        else if (!decimal.TryParse(years, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, 1) != value)
        {
            ModelState.AddModelError(nameof(YearsSenior), "Enter the years as a number, like 3 or 4.5");
        }
        else if (value > AspirantApplication.MaxYearsSenior)
        {
            ModelState.AddModelError(nameof(YearsSenior), $"The years must be {AspirantApplication.MaxYearsSenior} or fewer");
        }
        else
        {
            parsed = value;
        }
        if (ModelState.IsValid)
        {
            application.RoleTitle = title;
            application.AuthorityCode = authority;
            application.OtherEmployer = other;
            application.YearsSenior = parsed;
        }
    }

    private void Fill()
    {
        if (Application is not { } a)
        {
            return;
        }
        GivenName = a.GivenName;
        FamilyName = a.FamilyName;
        Email = a.Email;
        RoleTitle = a.RoleTitle;
        Employer = a.AuthorityCode is not null ? AuthorityEmployer : a.OtherEmployer is not null ? OtherEmployerChoice : null;
        AuthorityCode = a.AuthorityCode;
        OtherEmployer = a.OtherEmployer;
        YearsSenior = a.YearsSenior is { } y ? ApplyEmails.Years(y) : null;
        TiersBelowDcs = a.TiersBelowDcs?.ToString(CultureInfo.InvariantCulture);
        BaliGraduate = a.TiersBelowDcs is null ? null : a.BaliGraduate ? "yes" : "no";
        Answer = Question is null ? null : a.Answers.FirstOrDefault(x => x.QuestionId == Question.Id)?.Text;
        EndorserName = a.EndorserName;
        EndorserEmail = a.EndorserEmail;
        ConsiderNextYear = a.ConsiderNextYear switch { true => "yes", false => "no", null => null };
    }

    /// <summary>The answer to the next-year question as check your answers shows it.</summary>
    public static string NextYearText(bool? considerNextYear) => considerNextYear switch
    {
        true => "Yes",
        false => "No",
        null => "Not answered",
    };

    public static string TiersText(int? tiers) => tiers switch
    {
        1 => "One tier below the director (reporting to the DCS)",
        2 => "Two tiers below the director",
        3 => "Three or more tiers below the director",
        _ => "",
    };
}
