namespace Upon.Shared;

/// <summary>Something a participant is asked to do, shown on their sessions page (feedback to give ...).</summary>
/// <param name="Text">What to do, as a link's text.</param>
/// <param name="Href">Where to do it.</param>
public sealed record ParticipantTask(string Text, string Href);

/// <summary>
/// A feature that asks participants to do things. The sessions page lists what every source gives, without depending on
/// the features that implement it.
/// </summary>
public interface IParticipantTaskSource
{
    Task<IReadOnlyList<ParticipantTask>> TasksForAsync(int participantId, CancellationToken cancellationToken);
}
