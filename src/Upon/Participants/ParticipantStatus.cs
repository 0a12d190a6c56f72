using NodaTime;
using Upon.Sessions;

namespace Upon.Participants;

/// <summary>Where a participant stands on the programme today, from their enrolments.</summary>
public enum ParticipantStatus
{
    /// <summary>An enrolment covers today.</summary>
    Current,

    /// <summary>None covers today, and one starts later.</summary>
    Starting,

    /// <summary>Every enrolment has ended.</summary>
    Finished,

    /// <summary>No enrolment at all.</summary>
    NotEnrolled,
}

public static class ParticipantStatuses
{
    public static IReadOnlyList<ParticipantStatus> All { get; } = [ParticipantStatus.Current, ParticipantStatus.Starting, ParticipantStatus.Finished, ParticipantStatus.NotEnrolled];

    /// <summary>The status on <paramref name="today"/>: current beats starting, which beats finished.</summary>
    public static ParticipantStatus Of(IEnumerable<Enrolment> enrolments, LocalDate today)
    {
        var list = enrolments.ToList();
        return list.Count == 0 ? ParticipantStatus.NotEnrolled
            : list.Any(e => e.IsActiveOn(today)) ? ParticipantStatus.Current
            : list.Any(e => e.StartsOn > today) ? ParticipantStatus.Starting
            : ParticipantStatus.Finished;
    }

    /// <summary>The status of one enrolment on <paramref name="today"/>.</summary>
    public static ParticipantStatus Of(Enrolment enrolment, LocalDate today) => Of([enrolment], today);

    public static string Slug(this ParticipantStatus status) => status switch
    {
        ParticipantStatus.Current => "current",
        ParticipantStatus.Starting => "starting",
        ParticipantStatus.Finished => "finished",
        _ => "not-enrolled",
    };

    public static string Label(this ParticipantStatus status) => status switch
    {
        ParticipantStatus.Current => "Current",
        ParticipantStatus.Starting => "Starting later",
        ParticipantStatus.Finished => "Finished",
        _ => "Not enrolled",
    };

    public static string TagClass(this ParticipantStatus status) => status switch
    {
        ParticipantStatus.Current => "govuk-tag govuk-tag--green",
        ParticipantStatus.Starting => "govuk-tag govuk-tag--blue",
        ParticipantStatus.Finished => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static bool TryParseSlug(string? slug, out ParticipantStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
