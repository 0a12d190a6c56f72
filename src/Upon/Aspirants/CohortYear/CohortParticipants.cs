using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Aspirants.Apply;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared;

namespace Upon.Aspirants.CohortYear;

/// <summary>An accepted applicant in their cohort year: their taught days attended and completion.</summary>
/// <param name="Attended">Taught days they attended (present, late or leaving early).</param>
/// <param name="Completed">Recorded once the taught days are over; null before.</param>
/// <param name="BeforeAcceptance">Taught days that had started before they accepted (they joined late and were not booked on them); 0 for most.</param>
public sealed record CohortParticipant(AspirantApplication Application, int Attended, bool? Completed, int BeforeAcceptance = 0);

/// <summary>A cohort's year as staff follow it: the taught days, the completion rule and each participant's attendance.</summary>
/// <param name="TaughtDays">The cohort's taught day sessions (not cancelled).</param>
/// <param name="Held">Those that have ended.</param>
/// <param name="MinTaughtDays">Taught days to attend to complete: the cohort's own rule, else <c>Aspirants:Completion:MinTaughtDays</c>.</param>
/// <param name="FromSetting">True when the minimum comes from the setting.</param>
public sealed record CohortYearView(AspirantCohort Cohort, int TaughtDays, int Held, int MinTaughtDays, bool FromSetting, IReadOnlyList<CohortParticipant> Participants);

/// <summary>
/// Completion as staff and the participant's record show it. The rule (README, "The cohort year"): a participant who
/// accepted a place completes when, once every taught day of their cohort has ended, they attended at least the
/// minimum; it is recorded by the Aspirant Directors run (<see cref="OfferResponse.RecordCompletionAsync"/>).
/// </summary>
public sealed class CohortParticipants(UponDbContext db, IClock clock, IOptions<AspirantsApplyOptions> options) : IParticipantRecordSource
{
    public async Task<CohortYearView> LoadAsync(AspirantCohort cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var now = clock.GetCurrentInstant();
        var taught = cohort.ProgrammeCohortId is { } programme
            ? await db.Sessions.AsNoTracking().Where(s => s.CohortId == programme && s.Type == SessionType.TaughtDay && s.Status != SessionStatus.Cancelled)
                .Select(s => new { s.Id, s.StartUtc, s.EndUtc }).ToListAsync(cancellationToken)
            : [];
        var accepted = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohort.Id && a.Offer == OfferStatus.Accepted)
            .OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName).ToListAsync(cancellationToken);
        var attended = await AttendedAsync([.. taught.Select(t => t.Id)], [.. accepted.Select(a => a.ParticipantId).OfType<int>()], cancellationToken);
        var (minimum, fromSetting) = MinimumOf(cohort);
        return new CohortYearView(cohort, taught.Count, taught.Count(t => t.EndUtc <= now), minimum, fromSetting,
            [.. accepted.Select(a => new CohortParticipant(a, a.ParticipantId is { } p ? attended.GetValueOrDefault(p) : 0, a.Completed,
                a.OfferRespondedAt is { } at ? taught.Count(t => t.StartUtc <= at) : 0))]);
    }

    public (int Minimum, bool FromSetting) MinimumOf(AspirantCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return cohort.CompletionMinTaughtDays is { } own ? (own, false) : (options.Value.Completion.MinTaughtDays, true);
    }

    /// <summary>Taught days attended, by participant.</summary>
    public async Task<Dictionary<int, int>> AttendedAsync(IReadOnlyList<int> sessionIds, IReadOnlyList<int> participantIds, CancellationToken cancellationToken = default)
    {
        if (sessionIds.Count == 0 || participantIds.Count == 0)
        {
            return [];
        }
        // A cohort has at most 30 taught days; its participants are read in chunks.
        var result = new Dictionary<int, int>();
        foreach (var chunk in participantIds.Chunk(500))
        {
            var marks = await db.AttendanceRecords.AsNoTracking()
                .Where(r => sessionIds.Contains(r.SessionId) && chunk.Contains(r.ParticipantId)
                    && (r.Mark == AttendanceMark.Present || r.Mark == AttendanceMark.Late || r.Mark == AttendanceMark.LeftEarly))
                .Select(r => r.ParticipantId).ToListAsync(cancellationToken);
            foreach (var (participant, count) in marks.CountBy(p => p))
            {
                result[participant] = count;
            }
        }
        return result;
    }

    public async Task<IReadOnlyList<ParticipantRecordLine>> LinesForAsync(int participantId, CancellationToken cancellationToken)
    {
        var applications = await db.AspirantApplications.AsNoTracking().Include(a => a.Cohort)
            .Where(a => a.ParticipantId == participantId && a.Offer == OfferStatus.Accepted).ToListAsync(cancellationToken);
        var lines = new List<ParticipantRecordLine>();
        foreach (var application in applications)
        {
            var view = await LoadAsync(application.Cohort!, cancellationToken);
            var mine = view.Participants.Single(p => p.Application.Id == application.Id);
            lines.Add(new ParticipantRecordLine($"Aspirant Directors {application.Cohort!.Name}", Describe(view, mine), null));
        }
        return lines;
    }

    /// <summary>"Attended 7 of 8 taught days (6 needed): completed", and the like.</summary>
    public static string Describe(CohortYearView view, CohortParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(participant);
        var outcome = participant.Completed switch
        {
            true => "completed",
            false => "not completed",
            null => view.TaughtDays > 0 && view.Held == view.TaughtDays ? "completion to be recorded" : "taught days still to come",
        };
        return $"Attended {participant.Attended} of {view.TaughtDays} taught days ({view.MinTaughtDays} needed to complete): {outcome}" +
            (participant.BeforeAcceptance > 0 ? $"; {JoinedLate(participant)}" : "");
    }

    /// <summary>"joined late: 2 taught days before acceptance".</summary>
    public static string JoinedLate(CohortParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return $"joined late: {participant.BeforeAcceptance} taught {(participant.BeforeAcceptance == 1 ? "day" : "days")} before acceptance";
    }
}
