using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Audit;
using Upon.Data;

namespace Upon.Aspirants.Apply;

/// <summary>An endorsement as its link shows it: for whom, and whether it can still be answered.</summary>
public sealed record EndorsementView(AspirantEndorsement Endorsement, AspirantApplication Application, string CohortName, string Employer);

/// <summary>
/// The endorsing director's answer. Submitting an application asks for it by an emailed link (its secret stored as a
/// hash, and encrypted so that reminders carry the same link), due a week after the window closes. The director answers
/// once, yes or no with a short statement; staff can record an answer that came another way (audited).
/// </summary>
public sealed class Endorsements(UponDbContext db, IClock clock, IDataProtectionProvider dataProtection, IConfiguration configuration, IAuditActor actor)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Upon.Aspirants.EndorsementLink");

    public static string PathFor(string secret) => $"/aspirants/endorse/{secret}";

    /// <summary>Adds the endorsement request to the application and returns its link.</summary>
    public string Request(AspirantApplication application, LocalDate due)
    {
        ArgumentNullException.ThrowIfNull(application);
        var secret = SecretTokens.New();
        application.Endorsement ??= new AspirantEndorsement();
        var endorsement = application.Endorsement;
        endorsement.TokenHash = SecretTokens.Hash(secret);
        endorsement.ProtectedToken = _protector.Protect(secret);
        endorsement.RequestedAt = clock.GetCurrentInstant();
        endorsement.DueOn = due;
        return Upon.Shared.AppLinks.BaseUrl(configuration) + PathFor(secret);
    }

    /// <summary>The link the request was sent with; null when there is none (or the keys were lost).</summary>
    public string? LinkOf(AspirantEndorsement endorsement)
    {
        ArgumentNullException.ThrowIfNull(endorsement);
        if (endorsement.ProtectedToken is null)
        {
            return null;
        }
        try
        {
            return Upon.Shared.AppLinks.BaseUrl(configuration) + PathFor(_protector.Unprotect(endorsement.ProtectedToken));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task<EndorsementView?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(secret);
        var endorsement = await db.AspirantEndorsements.Include(e => e.Application).ThenInclude(a => a!.Cohort)
            .FirstOrDefaultAsync(e => e.TokenHash == hash, cancellationToken);
        return endorsement is null ? null : await ViewAsync(endorsement, cancellationToken);
    }

    private async Task<EndorsementView> ViewAsync(AspirantEndorsement endorsement, CancellationToken cancellationToken)
    {
        var application = endorsement.Application!;
        var employer = application.AuthorityCode is { } code
            ? await db.Authorities.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? code
            : application.OtherEmployer ?? "";
        return new EndorsementView(endorsement, application, application.Cohort!.Name, employer);
    }

    /// <summary>Records the director's answer from the link; false when the link is unknown or already answered.</summary>
    public async Task<bool> RespondAsync(string secret, bool endorsed, string statement, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = (await FindAsync(secret, cancellationToken))?.Endorsement.Id;
        if (id is null)
        {
            return false;
        }
        await db.LockRowAsync<AspirantEndorsement>(id.Value, cancellationToken);
        var endorsement = await db.AspirantEndorsements.Include(e => e.Application).FirstAsync(e => e.Id == id, cancellationToken);
        await db.Entry(endorsement).ReloadAsync(cancellationToken);
        if (endorsement.Endorsed is not null)
        {
            return false;
        }
        Answer(endorsement, endorsed, statement, staff: null);
        ApplyEmails.Endorsed(db, endorsement.Application!, endorsed);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Staff record an endorsement received another way (a letter, a call), replacing any earlier answer; the change is
    /// in the audit log with who made it. False when the application has not been submitted.
    /// </summary>
    public async Task<bool> RecordAsync(int applicationKey, bool endorsed, string statement, CancellationToken cancellationToken = default)
    {
        var application = await db.AspirantApplications.Include(a => a.Endorsement)
            .FirstOrDefaultAsync(a => a.Id == applicationKey && a.Status == ApplicationStatus.Submitted, cancellationToken);
        if (application is null)
        {
            return false;
        }
        application.Endorsement ??= new AspirantEndorsement();
        Answer(application.Endorsement, endorsed, statement, actor.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private void Answer(AspirantEndorsement endorsement, bool endorsed, string statement, string? staff)
    {
        endorsement.Endorsed = endorsed;
        endorsement.Statement = statement.Trim();
        endorsement.RespondedAt = clock.GetCurrentInstant();
        endorsement.RecordedByStaff = staff;
    }
}
