using NodaTime;

namespace Upon.Shared.Privacy;

/// <summary>
/// Programme activity a feature records about people, for the retention rules that erase a person after the data map's
/// period without activity (a participant, by Sessions; a coach, reviewer, invitee or imported past participant, by
/// <see cref="ActivityByEmail"/>): a coaching relationship or logged coaching session, a coach in the pool, an equality
/// record saved, an application reviewed. Each rule asks every source, so it need not depend on the features that record
/// the activity.
/// Register with <c>services.AddScoped&lt;IProgrammeActivity, ...&gt;()</c>.
/// </summary>
public interface IProgrammeActivity
{
    /// <summary>Each person's activity this feature knows of, on <paramref name="today"/>: by participant record or by email address.</summary>
    Task<IReadOnlyList<PersonActivity>> ActivityAsync(LocalDate today, CancellationToken cancellationToken);
}

/// <summary>
/// A person's activity in one feature: the participant record it is about, or the email address (lower case) it is
/// under; the last day of activity; and whether it goes on now (a running coaching relationship, a coach in the pool),
/// which keeps the person whatever the date.
/// </summary>
public sealed record PersonActivity(int? ParticipantId, string? LowerEmail, LocalDate Last, bool Current);
