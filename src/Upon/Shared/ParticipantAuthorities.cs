namespace Upon.Shared;

/// <summary>
/// A feature that knows a participant's own authority from their enrolment (an aspirant's application names the
/// authority they work in), for features that need it without depending on the one that records it: Coaching asks
/// every source when the register has no post for the participant, to find conflicts of interest.
/// </summary>
public interface IParticipantAuthoritySource
{
    /// <summary>The participant's own authority (DfE LA code) as this feature recorded it, or null when it has none.</summary>
    Task<string?> AuthorityOfAsync(int participantId, CancellationToken cancellationToken);
}
