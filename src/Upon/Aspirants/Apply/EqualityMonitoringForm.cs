using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Aspirants.Apply;

/// <summary>
/// The applicant's own voluntary equality monitoring answers, kept in their own table
/// (<see cref="AspirantEqualityMonitoring"/>). Only the applicant, signed in to their submitted application, reads or
/// changes them here; nothing a reviewer or decision-maker sees reads this table.
/// </summary>
public sealed class EqualityMonitoringForm(UponDbContext db, IClock clock)
{
    public Task<AspirantEqualityMonitoring?> FindAsync(int applicationKey, CancellationToken cancellationToken = default) =>
        db.AspirantEqualityMonitoring.AsNoTracking().FirstOrDefaultAsync(e => e.ApplicationKey == applicationKey, cancellationToken);

    /// <summary>Saves the answers (replacing earlier ones); the disability reading follows from the two GSS questions.</summary>
    public async Task SaveAsync(AspirantApplication application, AspirantEqualityMonitoring answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(answers);
        var row = await db.AspirantEqualityMonitoring.FirstOrDefaultAsync(e => e.ApplicationKey == application.Id, cancellationToken);
        if (row is null)
        {
            row = new AspirantEqualityMonitoring { ApplicationKey = application.Id, CohortId = application.CohortId };
            db.AspirantEqualityMonitoring.Add(row);
        }
        row.EthnicityCode = answers.EthnicityCode;
        row.EthnicityPreferNotToSay = answers.EthnicityPreferNotToSay;
        row.Sex = answers.Sex;
        row.GenderSameAsAtBirth = answers.GenderSameAsAtBirth;
        row.SexualOrientation = answers.SexualOrientation;
        row.LongTermCondition = answers.LongTermCondition;
        row.ActivitiesReduced = answers.LongTermCondition == YesNoPreferNot.Yes ? answers.ActivitiesReduced : null;
        row.Disabled = AspirantEqualityMonitoring.DisabledFrom(row.LongTermCondition, row.ActivitiesReduced);
        row.Religion = answers.Religion;
        row.AgeBand = answers.AgeBand;
        row.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
    }
}
