using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Data;
using Upon.NewDirectors.Pages.Shared;

namespace Upon.NewDirectors.Pages.Staff;

/// <summary>
/// Every New Director: stage, month, status, attendance, and who needs attention (falling behind, left their post,
/// month 24 over without the criteria met). Filters by stage and by flag.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(JourneyQueries journeys, UponDbContext db, IClock clock) : PageModel
{
    public const string FallingBehind = "falling-behind";
    public const string LeftPost = "left-post";
    public const string NotCompleted = "not-completed";

    public static readonly IReadOnlyList<(string Code, string Text)> Flags =
        [(FallingBehind, "Falling behind"), (LeftPost, "Left their post: to decide"), (NotCompleted, "Month 24 over, criteria not met")];

    public static readonly IReadOnlyList<JourneyStage> Stages = [JourneyStage.NotStarted, JourneyStage.CoreProgramme, JourneyStage.CoachingYear, JourneyStage.Finished];

    [FromQuery(Name = "stage")]
    public string? Stage { get; set; }

    [FromQuery(Name = "flag")]
    public string? Flag { get; set; }

    public IReadOnlyList<JourneySummary> All { get; private set; } = [];
    public IReadOnlyList<JourneySummary> Shown { get; private set; } = [];

    /// <summary>Invitations on the to-do list: due and without an email, or past their 14 days and not sent.</summary>
    public int InvitationsToDo { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        All = await journeys.OverviewAsync(cancellationToken);
        var stage = Stages.Cast<JourneyStage?>().FirstOrDefault(s => JourneyFormat.StageCode(s!.Value) == Stage);
        Stage = stage is null ? null : Stage;
        Flag = Flags.Any(f => f.Code == Flag) ? Flag : null;
        Shown = [.. All.Where(j => (stage is null || j.Stage == stage) && Flag switch
        {
            FallingBehind => j.FallingBehind,
            LeftPost => j.LeftPostUndecided,
            NotCompleted => j.DidNotMeetCriteria,
            _ => true,
        })];
        var today = clock.TodayInLondon();
        InvitationsToDo = await db.DirectorInvitations.CountAsync(i => i.Status == InvitationStatus.Pending
            && ((i.SendOn <= today && (i.Person!.Email == null || i.Person.Email == "")) || i.DueBy < today), cancellationToken);
    }
}
