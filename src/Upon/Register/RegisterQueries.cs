using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Register;
using Upon.Data;

namespace Upon.Register;

/// <summary>An authority with whoever is DCS there on a given day.</summary>
public sealed record AuthoritySummary(
    string Code, string Name, string RegionCode, string RegionName, OperatingPeriod Period,
    string? CurrentPersonId, string? CurrentName, AppointmentType? CurrentType, LocalDate? CurrentSince);

/// <summary>The register's read side: what the pages, the API and the reports show.</summary>
public sealed class RegisterQueries(UponDbContext db, IClock clock)
{
    public LocalDate Today => clock.TodayInLondon();

    /// <summary>Authorities in operation on <paramref name="date"/> (default today) with their DCS that day.</summary>
    public async Task<List<AuthoritySummary>> AuthoritiesAsync(LocalDate? date = null, CancellationToken cancellationToken = default)
    {
        var day = date ?? Today;
        var authorities = await db.Authorities.AsNoTracking().Include(a => a.Region).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var inPost = await db.Appointments.AsNoTracking().Include(a => a.Person)
            .Where(a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day))
            .ToListAsync(cancellationToken);
        var byAuthority = inPost.GroupBy(a => a.AuthorityCode).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartDate).First());
        return [.. authorities
            .Where(a => a.Period.Contains(day))
            .Select(a =>
            {
                byAuthority.TryGetValue(a.Code, out var current);
                return new AuthoritySummary(a.Code, a.Name, a.RegionCode, a.Region?.Name ?? a.RegionCode, a.Period,
                    current?.Person?.PersonId, current?.Person?.FullName, current?.Type, current?.StartDate);
            })];
    }

    public Task<Authority?> AuthorityAsync(string code, CancellationToken cancellationToken = default) =>
        db.Authorities.AsNoTracking()
            .Include(a => a.Region)
            .Include(a => a.GssCodes)
            .Include(a => a.Appointments).ThenInclude(a => a.Person)
            .FirstOrDefaultAsync(a => a.Code == code, cancellationToken);

    public Task<Person?> PersonAsync(string personId, CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking()
            .Include(p => p.Appointments).ThenInclude(a => a.Authority)
            .FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);

    public async Task<List<Core.Register.RegionReference>> RegionsAsync(CancellationToken cancellationToken = default) =>
        await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith("E12")).OrderBy(r => r.Name)
            .Select(r => new Core.Register.RegionReference(r.Code, r.Name)).ToListAsync(cancellationToken);

    /// <summary>The register as the turnover figures see it.</summary>
    public async Task<TurnoverCalculator> TurnoverAsync(CancellationToken cancellationToken = default)
    {
        var authorities = await db.Authorities.AsNoTracking()
            .Select(a => new { a.Code, a.OperatingFrom, a.OperatingTo }).ToListAsync(cancellationToken);
        var appointments = await db.Appointments.AsNoTracking()
            .Select(a => new { a.AuthorityCode, a.Person!.PersonId, a.Type, a.StartDate, a.EndDate, a.LeavingReason, a.Unplanned })
            .ToListAsync(cancellationToken);
        return new TurnoverCalculator(
            [.. authorities.Select(a => new AuthorityFact(a.Code, new OperatingPeriod(a.OperatingFrom, a.OperatingTo)))],
            [.. appointments.Select(a => new AppointmentFact(a.AuthorityCode, a.PersonId, a.Type, a.StartDate, a.EndDate, a.LeavingReason, a.Unplanned))]);
    }

    /// <summary>Every appointment with its person, ordered by authority and start date, for export.</summary>
    public IAsyncEnumerable<Appointment> AllAppointments() =>
        db.Appointments.AsNoTracking().Include(a => a.Person).OrderBy(a => a.AuthorityCode).ThenBy(a => a.StartDate).ThenBy(a => a.Id).AsAsyncEnumerable();
}
