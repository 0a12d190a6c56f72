using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Events;

namespace Upon.Impact;

/// <summary>
/// Records an applicant who declared themselves a BALI graduate on submitting an Aspirant Directors application as a
/// graduate (source <c>application</c>, cohort year 0: not given), in the submitting transaction, so the BALI figures
/// count them as they count imported graduates. A graduate already recorded under the email (ignoring case) is kept as is.
/// </summary>
public sealed class SelfDeclaredBaliGraduates(UponDbContext db) : IDomainEventHandler<BaliGraduateDeclared>
{
    public const string Source = "application";

    public async Task HandleAsync(BaliGraduateDeclared domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var email = domainEvent.Email.Trim();
        var lower = email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        if (await db.BaliGraduates.AnyAsync(g => g.Email.ToLower() == lower, cancellationToken)) return;
#pragma warning restore CA1862
        db.BaliGraduates.Add(new EqualityBaliGraduate
        {
            Email = email,
            GivenName = Bounded(domainEvent.GivenName),
            FamilyName = Bounded(domainEvent.FamilyName),
            CohortYear = 0,
            Source = Source,
            RecordedAt = domainEvent.DeclaredAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Bounded(string name) => name.Length > EqualityBaliGraduate.MaxNameLength ? name[..EqualityBaliGraduate.MaxNameLength] : name;
}
