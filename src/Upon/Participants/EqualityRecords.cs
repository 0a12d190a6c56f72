using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Participants;

/// <summary>
/// Reading and saving equality information. A read is recorded in the audit log before the data is returned, so nobody
/// sees it without a trace (if the audit write fails, nothing is shown); a save is audited like every change.
/// </summary>
public sealed class EqualityRecords(UponDbContext db, AuditLog audit, IClock clock)
{
    public const string EntityType = nameof(EqualityInformation);

    /// <param name="why">What the view was for, as the audit log shows it.</param>
    public async Task<EqualityInformation?> ReadAsync(int participantId, string why, CancellationToken cancellationToken = default)
    {
        await audit.RecordViewAsync(EntityType, participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), why, cancellationToken);
        return await db.EqualityInformation.AsNoTracking().FirstOrDefaultAsync(e => e.ParticipantId == participantId, cancellationToken);
    }

    public async Task SaveAsync(int participantId, string? ethnicityCode, Sex sex, Disability disability, CancellationToken cancellationToken = default)
    {
        var record = await db.EqualityInformation.FirstOrDefaultAsync(e => e.ParticipantId == participantId, cancellationToken);
        if (record is null)
        {
            record = new EqualityInformation { ParticipantId = participantId };
            db.EqualityInformation.Add(record);
        }
        await SaveAsync(record, ethnicityCode, sex, disability, cancellationToken);
    }

    /// <summary>Saves the answers of <paramref name="owner"/>, a participant record not saved yet (a coach's own), with it.</summary>
    public async Task SaveNewAsync(Participant owner, string? ethnicityCode, Sex sex, Disability disability, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var record = new EqualityInformation { Participant = owner };
        db.EqualityInformation.Add(record);
        await SaveAsync(record, ethnicityCode, sex, disability, cancellationToken);
    }

    private async Task SaveAsync(EqualityInformation record, string? ethnicityCode, Sex sex, Disability disability, CancellationToken cancellationToken)
    {
        record.EthnicityCode = ethnicityCode;
        record.Sex = sex;
        record.Disability = disability;
        record.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
    }
}
