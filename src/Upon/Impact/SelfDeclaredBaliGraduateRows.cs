using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Impact;

/// <summary>
/// The BALI graduates recorded from an application (<see cref="SelfDeclaredBaliGraduates"/>, source <c>application</c>),
/// which go with the applicant's applications when the applications' retention rule erases them; imported graduates stay.
/// </summary>
public sealed class SelfDeclaredBaliGraduateRows(UponDbContext db) : IApplicationDerivedRows
{
    public async Task<IReadOnlyList<PersonalRows>> RowsFromApplicationsAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var lower = email.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var graduates = await db.BaliGraduates.Where(g => g.Email.ToLower() == lower && g.Source == SelfDeclaredBaliGraduates.Source).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return [new("bali_graduates", graduates)];
    }
}
