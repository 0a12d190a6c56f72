namespace Upon.Shared;

/// <summary>One line a feature adds to a participant's record for staff: a programme and where they stand on it.</summary>
/// <param name="Heading">What it is about, like "Aspirant Directors 2027-28".</param>
/// <param name="Text">Where they stand, like "Attended 7 of 8 taught days: completed".</param>
/// <param name="Href">Where staff see more; null for nowhere.</param>
public sealed record ParticipantRecordLine(string Heading, string Text, string? Href);

/// <summary>
/// A feature that adds to the participant's record staff see (completion of a programme year ...), without the
/// participants feature depending on it.
/// </summary>
public interface IParticipantRecordSource
{
    Task<IReadOnlyList<ParticipantRecordLine>> LinesForAsync(int participantId, CancellationToken cancellationToken);
}
