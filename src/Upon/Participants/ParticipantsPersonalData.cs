using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Participants;

/// <summary>What Participants holds about a person: their equality information (special-category data).</summary>
public sealed class ParticipantsPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Equality information";

    public IReadOnlyList<string> Tables { get; } = ["equality_information"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
        var normalised = subject.Email.ToUpperInvariant();
        var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var rows = await db.EqualityInformation
            .Where(e => e.Participant!.Email.ToLower() == lower || (e.Participant.UserId != null && userIds.Contains(e.Participant.UserId)))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return [new("equality_information", rows)];
    }

    /// <summary>Equality information goes with its participant, whom the programme's retention rule erases.</summary>
    public Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RetentionDue>>([]);
}
