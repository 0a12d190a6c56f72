namespace Upon.Shared.Privacy;

/// <summary>Participants not yet erased: their addresses (lower case, the record's and its account's) and register records.</summary>
public sealed record LiveParticipants(IReadOnlySet<string> LowerEmails, IReadOnlySet<int> PersonKeys)
{
    public bool Includes(string? email, int? personKey) =>
        (email is not null && LowerEmails.Contains(email.ToLowerInvariant())) || (personKey is { } key && PersonKeys.Contains(key));
}

/// <summary>
/// Reads <see cref="LiveParticipants"/> once for a retention run (<see cref="RetentionContext.Live"/>): the people the
/// participants' rule (Sessions) decides about, whom every other rule about a person leaves to it. Implemented by
/// Sessions, so that data protection need not depend on it.
/// </summary>
public interface ILiveParticipants
{
    Task<LiveParticipants> ReadAsync(CancellationToken cancellationToken);
}
