using NodaTime;
using Upon.Core.Register;

namespace Upon.Core.Impact;

/// <summary>One tenure in the retention evaluation's population, observed as of a day.</summary>
/// <param name="PersonId">The director.</param>
/// <param name="AuthorityCode">The authority.</param>
/// <param name="Start">The tenure's first day.</param>
/// <param name="End">The tenure's last day; null while it runs.</param>
/// <param name="Type">Its first appointment's type: permanent, or interim (interim and acting).</param>
/// <param name="Group">Participants or comparison.</param>
/// <param name="JoinedOn">The day that decides the group: the earlier of accepting in Upon and an imported enrolment; null if neither.</param>
/// <param name="Observation">Its length in days as of the as-of day, and whether it had ended by then.</param>
public sealed record RetentionTenure(
    string PersonId, string AuthorityCode, LocalDate Start, LocalDate? End, RetentionType Type, RetentionGroup Group,
    LocalDate? JoinedOn, SurvivalObservation Observation);

/// <summary>
/// Who is in the retention evaluation and in which group (the definitions are in the README, "Retention evaluation"):
/// <list type="bullet">
/// <item><b>Population.</b> First-time directors' tenures: tenures (<see cref="Tenures.Build"/>) whose start is their
/// person's earliest appointment start anywhere in the register, by the very rule the turnover figures count first-time
/// directors with (<see cref="FirstTimeDirectors"/>; two shared first posts starting the same day are two tenures). The tenure started on or after
/// <c>invitingSince</c> and on or before the as-of day, and lasted at least <see cref="LandmarkDays"/> days by then
/// (its length counting the first and the last day, up to the as-of day).</item>
/// <item><b>Groups.</b> Participants joined (accepted the invitation or enrolled; the earliest such day of the person)
/// 0 to 89 days after the tenure started; everyone else is comparison.</item>
/// <item><b>Observation.</b> From the tenure's start: a tenure ending on or before the as-of day is an event at its
/// length; one ending later, or still running, is censored at its length up to and including the as-of day.</item>
/// <item><b>Type.</b> The type of the appointment that starts the tenure; interim and acting are both interim.</item>
/// </list>
/// </summary>
public static class RetentionPopulation
{
    /// <summary>The landmark: a tenure must last this many days to be in the population, and joining within the first this-many days makes a participant.</summary>
    public const int LandmarkDays = 90;

    /// <summary>
    /// The first-time tenures (as <see cref="Build"/> counts them) that started from <paramref name="invitingSince"/> up
    /// to <see cref="LandmarkDays"/> − 1 days before <paramref name="asOf"/>: those that would be in the population as
    /// of that day had they all lasted 90 days.
    /// </summary>
    public static int StartedBeforeLandmark(IReadOnlyCollection<AppointmentFact> appointments, LocalDate invitingSince, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        var latest = asOf.PlusDays(-(LandmarkDays - 1));
        return FirstTimeDirectors.Tenures(appointments).Count(t => t.Start >= invitingSince && t.Start <= latest);
    }

    /// <summary>Builds the population as of <paramref name="asOf"/>.</summary>
    /// <param name="appointments">Every appointment in the register.</param>
    /// <param name="joinedOn">Each person's days of accepting the invitation, enrolling in New Directors, or an imported enrolment, by person id (any number, in any order).</param>
    /// <param name="invitingSince">The first day a tenure may start (<c>NewDirectors:InvitingSince</c>).</param>
    /// <param name="asOf">The day the evaluation is made.</param>
    public static IReadOnlyList<RetentionTenure> Build(
        IReadOnlyCollection<AppointmentFact> appointments, ILookup<string, LocalDate> joinedOn, LocalDate invitingSince, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(joinedOn);

        var typeAtStart = new Dictionary<(string Person, string Authority, LocalDate Start), AppointmentType>();
        foreach (var a in appointments)
        {
            var key = (a.PersonId, a.AuthorityCode, a.Start);
            // Two appointments of one person starting the same day in one authority: the permanent one decides.
            if (!typeAtStart.TryGetValue(key, out var type) || a.Type < type)
            {
                typeAtStart[key] = a.Type;
            }
        }

        var population = new List<RetentionTenure>();
        foreach (var tenure in FirstTimeDirectors.Tenures(appointments))
        {
            if (tenure.Start < invitingSince || tenure.Start > asOf)
            {
                continue;
            }
            var days = tenure.LengthInDays(asOf);
            if (days < LandmarkDays)
            {
                continue;
            }
            var ended = tenure.End is { } end && end <= asOf;
            LocalDate? joined = joinedOn[tenure.PersonId].Select(d => (LocalDate?)d).Min();
            var group = joined is { } j && j >= tenure.Start && j <= tenure.Start.PlusDays(LandmarkDays - 1)
                ? RetentionGroup.Participants
                : RetentionGroup.Comparison;
            var type = typeAtStart[(tenure.PersonId, tenure.AuthorityCode, tenure.Start)] == AppointmentType.Permanent
                ? RetentionType.Permanent
                : RetentionType.Interim;
            population.Add(new RetentionTenure(
                tenure.PersonId, tenure.AuthorityCode, tenure.Start, tenure.End, type, group, joined, new SurvivalObservation(days, ended)));
        }
        return population;
    }
}
