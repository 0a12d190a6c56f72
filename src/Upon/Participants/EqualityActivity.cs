using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Participants;

/// <summary>Saving one's equality information is programme activity, for the participants' retention rule: its last update.</summary>
public sealed class EqualityActivity(UponDbContext db) : IProgrammeActivity
{
    public async Task<IReadOnlyList<PersonActivity>> ActivityAsync(LocalDate today, CancellationToken cancellationToken) =>
        [.. (await db.EqualityInformation.AsNoTracking().Select(e => new { e.ParticipantId, e.UpdatedAt }).ToListAsync(cancellationToken))
            .Select(e => new PersonActivity(e.ParticipantId, null, e.UpdatedAt.InZone(Upon.Core.Time.London).Date, false))];
}
