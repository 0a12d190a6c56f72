using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.NewDirectors;

/// <summary>What New Directors holds about a person: the invitations sent to them (by address, or to their register record).</summary>
public sealed class NewDirectorsPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "New Directors invitations";

    public IReadOnlyList<string> Tables { get; } = ["director_invitations"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
        var normalised = subject.Email.ToUpperInvariant();
        var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var personKeys = await db.People.Where(p => p.Email != null && p.Email.ToLower() == lower).Select(p => p.Id)
            .Concat(db.Participants.Where(p => p.PersonKey != null && (p.Email.ToLower() == lower || (p.UserId != null && userIds.Contains(p.UserId)))).Select(p => p.PersonKey!.Value))
            .ToListAsync(cancellationToken);
        var invitations = await db.DirectorInvitations.Where(i => (i.Email != null && i.Email.ToLower() == lower) || personKeys.Contains(i.PersonKey)).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return [new("director_invitations", invitations)];
    }

    /// <summary>Invitations go with their person, whom the programme's retention rule erases; the figures keep them.</summary>
    public Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RetentionDue>>([]);
}
