using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Upon.Sessions.Pages.Manage;

/// <summary>What the move online, postpone and cancel pages share: the session and who a change would be emailed to.</summary>
public abstract class SessionChangePage(SessionQueries queries) : PageModel
{
    public const int MaxReasonLength = SessionChanges.MaxReasonLength;

    public Session Session { get; private set; } = null!;

    public int Booked { get; private set; }

    public int Waiting { get; private set; }

    public Instant Now { get; private set; }

    public bool CanChange => SessionChanges.CanChange(Session, Now);

    protected async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } session)
        {
            return false;
        }
        Session = session;
        Now = queries.Now;
        (Booked, Waiting) = await queries.CountsAsync(id, cancellationToken);
        return true;
    }

    /// <summary>The banner after a change: what happened and how many people will be emailed.</summary>
    protected static string Done(string what, int emailed) => emailed == 0
        ? $"{what}. Nobody was booked or waiting, so no emails were sent"
        : $"{what}. {SessionFormat.People(emailed)} will be emailed about it";
}

/// <summary>What the change pages' summary shows.</summary>
public sealed record ChangeSummaryView(Session Session, int Booked, int Waiting);
