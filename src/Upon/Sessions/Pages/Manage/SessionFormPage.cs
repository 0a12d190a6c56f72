using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Core;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// What the pages that fill in one session (new, copy, edit) share: the form, who a session can be for, and reading a
/// post through validation and the warnings to confirm. Each page keeps only its own loading and saving.
/// </summary>
public abstract class SessionFormPageModel(SessionQueries queries, SessionWarnings warnings, IClock clock) : PageModel
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public IReadOnlyList<SessionGroup> Groups { get; private set; } = [];

    public IReadOnlyList<SessionWarning> Warnings { get; private set; } = [];

    protected SessionQueries Queries => queries;

    protected async Task LoadGroupsAsync(CancellationToken cancellationToken) => Groups = await queries.GroupsAsync(cancellationToken);

    /// <summary>
    /// The posted session once valid and its warnings (a bank holiday, a time in the past, a clash) are confirmed; null
    /// when the page must be shown again with its errors or warnings.
    /// </summary>
    /// <param name="editing">The session being changed, which cannot clash with itself; null for a new one.</param>
    /// <param name="warn">Whether to look for warnings at all (an edit that keeps the date does not).</param>
    protected async Task<SessionDetails?> ReadConfirmedAsync(int? editing, Func<SessionDetails, bool> warn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warn);
        if (Form.Validate(ModelState, Groups, clock.TodayInLondon()) is not { } details)
        {
            return null;
        }
        Warnings = warn(details) ? await warnings.ForAsync(details.StrandId, details.CohortId, details.Start, details.End, editing, cancellationToken) : [];
        return SessionWarnings.AreConfirmed(Warnings, Form.Confirmed) ? details : null;
    }
}

/// <summary>The form of <see cref="SessionFormPageModel"/> as its partial shows it, with the words of its button.</summary>
/// <param name="Action">The button's words, such as "Create session".</param>
/// <param name="ActionAnyway">The button's words once there are warnings to confirm, such as "Create session anyway".</param>
public sealed record SessionFormView(SessionFormPageModel Page, string Action, string ActionAnyway)
{
    public string Button => Page.Warnings.Count > 0 ? ActionAnyway : Action;
}
