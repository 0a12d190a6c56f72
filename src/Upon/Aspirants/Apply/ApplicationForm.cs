using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Aspirants;
using Upon.Data;

namespace Upon.Aspirants.Apply;

/// <summary>Why an application cannot be submitted (a step not answered, the window closed).</summary>
public sealed class ApplicationRuleException(string message) : Exception(message);

/// <summary>What starting an application did: created a draft, or found one (and emailed its link instead).</summary>
public sealed record StartResult(AspirantApplication Application, bool AlreadyExisted);

/// <summary>
/// The public application: starting a draft, the order of its pages, saving each page as it is answered, and submitting
/// it, which asks the named director for an endorsement and emails the applicant, in one transaction.
/// </summary>
public sealed class ApplicationForm(UponDbContext db, IClock clock, ApplicantSignIn signIn, Endorsements endorsements, IConfiguration configuration)
{
    public const string AboutYou = "about-you";
    public const string Role = "role";
    public const string EligibilityStep = "eligibility";
    public const string Endorser = "endorser";
    public const string NextYear = "next-year";
    public const string Check = "check";

    /// <summary>The cohort named <paramref name="name"/> with its questions in order, or null.</summary>
    public Task<AspirantCohort?> CohortAsync(string? name, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(name) || name.Length > AspirantCohort.MaxNameLength
            ? Task.FromResult<AspirantCohort?>(null)
            : db.AspirantCohorts.AsNoTracking().Include(c => c.Questions.OrderBy(q => q.Order).ThenBy(q => q.Id)).AsSplitQuery()
                .FirstOrDefaultAsync(c => c.Name == name && !c.Imported, cancellationToken);

    /// <summary>The cohorts with an application window that has not closed, or closed within the last year, soonest first.</summary>
    public async Task<IReadOnlyList<AspirantCohort>> PublicCohortsAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetCurrentInstant() - Duration.FromDays(365);
        return (await db.AspirantCohorts.AsNoTracking().Where(c => !c.Imported && c.OpensAt != null && c.ClosesAt != null).ToListAsync(cancellationToken))
            .Where(c => c.ClosesAt > since).OrderBy(c => c.OpensAt).ToList();
    }

    public bool IsOpen(AspirantCohort cohort) => cohort.IsOpenAt(clock.GetCurrentInstant());

    public bool HasNotOpened(AspirantCohort cohort) => cohort?.OpensAt > clock.GetCurrentInstant();

    /// <summary>The day endorsements are due: a week after the window closes (London).</summary>
    public static LocalDate EndorsementDue(AspirantCohort cohort) =>
        (cohort.ClosesAt ?? throw new InvalidOperationException("The cohort has no closing date.")).InZone(Time.London).Date.PlusDays(7);

    /// <summary>
    /// Starts an application and emails its return link. When the email already has an application to this cohort,
    /// nothing new is made: its link is emailed instead, and the browser is not signed in to it.
    /// </summary>
    public async Task<StartResult> StartAsync(AspirantCohort cohort, string givenName, string familyName, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var existing = await FindByEmailAsync(cohort.Id, email, cancellationToken);
        if (existing is not null)
        {
            ApplyEmails.ReturnLink(db, existing, cohort, signIn.IssueLink(existing));
            await db.SaveChangesAsync(cancellationToken);
            return new StartResult(existing, true);
        }
        var application = new AspirantApplication
        {
            CohortId = cohort.Id,
            ApplicationId = $"{cohort.Name}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}",
            Email = email,
            GivenName = givenName,
            FamilyName = familyName,
            Status = ApplicationStatus.Draft,
            CreatedAt = clock.GetCurrentInstant(),
        };
        db.AspirantApplications.Add(application);
        ApplyEmails.ReturnLink(db, application, cohort, signIn.IssueLink(application));
        await db.SaveChangesAsync(cancellationToken);
        return new StartResult(application, false);
    }

    /// <summary>Emails a new return link when the address has an application to the cohort; says nothing either way.</summary>
    public async Task SendReturnLinkAsync(AspirantCohort cohort, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (await FindByEmailAsync(cohort.Id, email, cancellationToken) is { } application)
        {
            ApplyEmails.ReturnLink(db, application, cohort, signIn.IssueLink(application));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<AspirantApplication?> FindByEmailAsync(int cohortId, string email, CancellationToken cancellationToken)
    {
        var lower = email.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
        return db.AspirantApplications.FirstOrDefaultAsync(a => a.CohortId == cohortId && !a.Imported && a.Email.ToLower() == lower, cancellationToken);
#pragma warning restore CA1862
    }

    /// <summary>The application this browser is signed in to, tracked with its answers, when it belongs to <paramref name="cohort"/>.</summary>
    public async Task<AspirantApplication?> SignedInAsync(HttpContext context, AspirantCohort cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (signIn.SignedIn(context) is not { } key)
        {
            return null;
        }
        return await db.AspirantApplications.Include(a => a.Answers).Include(a => a.Endorsement).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == key && a.CohortId == cohort.Id, cancellationToken);
    }

    /// <summary>
    /// The pages of the form in order: about you, role, eligibility, one per question, endorser, whether to keep the
    /// application for next year (optional, so never the next page to answer), check.
    /// </summary>
    public static IReadOnlyList<string> Steps(AspirantCohort cohort) =>
        [AboutYou, Role, EligibilityStep, .. Enumerable.Range(1, cohort.Questions.Count).Select(QuestionStep), Endorser, NextYear, Check];

    public static string QuestionStep(int number) => $"question-{number}";

    public static string StepUrl(AspirantCohort cohort, string step) => $"/aspirants/apply/{cohort.Name}/{step}";

    /// <summary>The first page not yet answered, or <see cref="Check"/> when every page is.</summary>
    public static string NextStep(AspirantCohort cohort, AspirantApplication application)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(application);
        if (application.GivenName.Length == 0 || application.FamilyName.Length == 0)
        {
            return AboutYou;
        }
        if (application.RoleTitle is null || (application.AuthorityCode is null && application.OtherEmployer is null) || application.YearsSenior is null)
        {
            return Role;
        }
        if (application.TiersBelowDcs is null)
        {
            return EligibilityStep;
        }
        for (var i = 0; i < cohort.Questions.Count; i++)
        {
            var question = cohort.Questions[i];
            if (!application.Answers.Any(a => a.QuestionId == question.Id && a.Text.Length > 0))
            {
                return QuestionStep(i + 1);
            }
        }
        return application.EndorserName is null || application.EndorserEmail is null ? Endorser : Check;
    }

    /// <summary>Whether the page <paramref name="step"/> may be shown: it is answered or the next one to answer.</summary>
    public static bool Reachable(AspirantCohort cohort, AspirantApplication application, string step)
    {
        var steps = Steps(cohort);
        var index = steps.ToList().IndexOf(step);
        return index >= 0 && index <= steps.ToList().IndexOf(NextStep(cohort, application));
    }

    /// <summary>Sets the answer to a question (the text trimmed) on the tracked application.</summary>
    public static void Answer(AspirantApplication application, AspirantQuestion question, string text)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(question);
        var answer = application.Answers.FirstOrDefault(a => a.QuestionId == question.Id);
        if (answer is null)
        {
            application.Answers.Add(new AspirantAnswer { QuestionId = question.Id, Text = text });
        }
        else
        {
            answer.Text = text;
        }
    }

    /// <summary>The error for an answer to <paramref name="question"/>, or null when it is fine.</summary>
    public static string? AnswerError(AspirantQuestion question, string? text)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = WordCount.Of(text);
        if (words == 0)
        {
            return "Enter your answer";
        }
        if (words > question.WordLimit)
        {
            return $"Your answer must be {question.WordLimit} words or fewer (it has {words})";
        }
        return text!.Length > AspirantAnswer.MaxTextLength ? $"Your answer must be {AspirantAnswer.MaxTextLength:N0} characters or fewer" : null;
    }

    /// <summary>Saves what a page changed on the tracked application.</summary>
    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// Submits the application while the window is open: every page answered, every answer within its limit. Asks the
    /// endorsing director and emails the applicant, in the same transaction.
    /// </summary>
    public async Task SubmitAsync(AspirantCohort cohort, AspirantApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status == ApplicationStatus.Submitted)
        {
            return;
        }
        if (!IsOpen(cohort))
        {
            throw new ApplicationRuleException($"Applications closed on {ApplyEmails.Format(cohort.ClosesAt!.Value)}.");
        }
        if (NextStep(cohort, application) != Check)
        {
            throw new ApplicationRuleException("Answer every question before you submit your application.");
        }
        foreach (var question in cohort.Questions)
        {
            if (AnswerError(question, application.Answers.First(a => a.QuestionId == question.Id).Text) is { } error)
            {
                throw new ApplicationRuleException($"{question.Text}: {error}.");
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        application.Status = ApplicationStatus.Submitted;
        application.SubmittedAt = clock.GetCurrentInstant();
        var due = EndorsementDue(cohort);
        var employer = await EmployerAsync(application, cancellationToken);
        var link = endorsements.Request(application, due);
        ApplyEmails.EndorsementRequest(db, application, cohort, employer, due, link);
        ApplyEmails.Submitted(db, application, cohort, due, Upon.Shared.AppLinks.BaseUrl(configuration) + StepUrl(cohort, "equality"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The applicant's employer in words: their authority's name, or the other employer they named.</summary>
    public async Task<string> EmployerAsync(AspirantApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.AuthorityCode is { } code)
        {
            return await db.Authorities.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? code;
        }
        return application.OtherEmployer ?? "";
    }

    /// <summary>The authorities in operation today, by name, for the role page.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> AuthoritiesAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.TodayInLondon();
        return (await db.Authorities.AsNoTracking()
                .Where(a => (a.OperatingFrom == null || a.OperatingFrom <= today) && (a.OperatingTo == null || a.OperatingTo >= today))
                .Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => (a.Code, a.Name)).ToList();
    }
}
