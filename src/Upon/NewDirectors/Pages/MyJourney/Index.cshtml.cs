using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core.NewDirectors;
using Upon.Core.Sessions;
using Upon.Participants;
using Upon.Sessions;

namespace Upon.NewDirectors.Pages.MyJourney;

/// <summary>
/// A New Director's own journey: the 24 months, the stage now, what they attended, what is booked, what is next, their
/// coaching and their progress against the completion criteria. Only ever their own: there is no id in the address.
/// </summary>
[Authorize(Policy = Policies.Participants)]
public sealed class IndexModel(CurrentParticipant current, JourneyQueries journeys, ParticipantSessions sessions, Coaching.CoachingSummaries coachingSummaries, IClock clock) : PageModel
{
    public Participant? Participant { get; private set; }
    public JourneyView? Journey { get; private set; }

    /// <summary>
    /// The next session open to them that they have not booked and that has a free place (in the core programme, not a
    /// coaching group), other than the suggested residential.
    /// </summary>
    public ParticipantSession? Next { get; private set; }

    /// <summary>In the core programme, with no residential attended and none booked: the next one open to them.</summary>
    public ParticipantSession? SuggestedResidential { get; private set; }

    /// <summary>Coaching groups in their coaching year: held, booked and open.</summary>
    public IReadOnlyList<JourneySessionView> Coaching { get; private set; } = [];

    /// <summary>Their one-to-one coaching relationships in the coaching year, with hours used against entitlement.</summary>
    public IReadOnlyList<Coaching.CoachingSummary> Relationships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is null)
        {
            return Page();
        }
        Journey = await journeys.ForParticipantAsync(Participant.Id, cancellationToken);
        if (Journey is null)
        {
            return Page();
        }
        var journey = Journey.Journey;
        Relationships = await coachingSummaries.ForParticipantAsync(Participant.Id, journey.CoachingYearStarts, journey.CoachingYearEnds, cancellationToken);
        Coaching = [.. Journey.Sessions.Where(s => s.Session.Type == SessionType.CoachingGroup && s.Date >= journey.CoachingYearStarts && s.Date <= journey.CoachingYearEnds && !s.Cancelled)];
        if (!Journey.Active)
        {
            return Page();
        }
        var now = clock.GetCurrentInstant();
        var upcoming = (await sessions.UpcomingAsync(Participant, cancellationToken))
            .Where(s => s.Session.StrandId == Journey.Enrolment.StrandId && s.Session.StartUtc > now && s.Session.Status != SessionStatus.Cancelled)
            .ToList();
        var inCore = Journey.Stage is JourneyStage.CoreProgramme or JourneyStage.NotStarted;
        if (inCore && Journey.Progress.CoreResidentialsAttended == 0 && !upcoming.Any(s => s.Session.Type == SessionType.Residential && (s.HasPlace || s.IsWaiting)))
        {
            SuggestedResidential = upcoming.FirstOrDefault(s => s.Session.Type == SessionType.Residential && s.Apology is null);
        }
        Next = upcoming.FirstOrDefault(s => !s.HasPlace && !s.IsWaiting && !s.Full && s.Apology is null && s != SuggestedResidential
            && !(inCore && s.Session.Type == SessionType.CoachingGroup));
        return Page();
    }
}
