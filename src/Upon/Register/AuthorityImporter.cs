using Microsoft.EntityFrameworkCore;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register.ReferenceData;

namespace Upon.Register;

/// <summary>The outcome of refreshing the authorities.</summary>
public sealed record AuthorityImportResult(int Added, int Updated, int Unchanged, int InOperationToday);

/// <summary>Loads and refreshes the reference data of authorities, regions and GSS codes.</summary>
public sealed class AuthorityImporter(UponDbContext db, NodaTime.IClock clock)
{
    /// <summary>Loads the embedded reference data if the database has no authorities yet.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Authorities.AnyAsync(cancellationToken))
        {
            return;
        }
        var (authorities, regions) = AuthorityReferenceData.LoadEmbedded();
        await RefreshAsync(authorities, regions, cancellationToken);
    }

    /// <summary>
    /// Adds new authorities and updates existing ones (name, region, operating period, GSS codes) in one transaction.
    /// Authorities missing from the list are kept, since appointments refer to them.
    /// </summary>
    public async Task<AuthorityImportResult> RefreshAsync(IReadOnlyList<AuthorityReference> authorities, IReadOnlyList<Core.Register.RegionReference> regions, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var knownRegions = await db.Regions.ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var region in RegionsOf(authorities, regions))
        {
            if (!knownRegions.TryGetValue(region.Code, out var existing))
            {
                db.Regions.Add(region);
            }
            else if (regions.Any(r => r.Code == region.Code))
            {
                existing.Name = region.Name;
            }
        }

        var existingAuthorities = await db.Authorities.Include(a => a.GssCodes).ToDictionaryAsync(a => a.Code, cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var reference in authorities)
        {
            if (!existingAuthorities.TryGetValue(reference.Code, out var authority))
            {
                db.Authorities.Add(ToEntity(reference));
                added++;
                continue;
            }
            var same = authority.Name == reference.Name && authority.RegionCode == reference.RegionCode
                && authority.OperatingFrom == reference.Period.From && authority.OperatingTo == reference.Period.To
                && authority.GssCodes.Count == reference.GssCodes.Count
                && reference.GssCodes.All(g => authority.GssCodes.Any(e => e.Code == g.Code && e.ValidFrom == g.ValidFrom && e.ValidTo == g.ValidTo && e.Name == g.Name && e.RegionCode == g.RegionCode));
            if (same)
            {
                unchanged++;
                continue;
            }
            authority.Name = reference.Name;
            authority.RegionCode = reference.RegionCode;
            authority.OperatingFrom = reference.Period.From;
            authority.OperatingTo = reference.Period.To;
            db.AuthorityGssCodes.RemoveRange(authority.GssCodes);
            await db.SaveChangesAsync(cancellationToken);
            authority.GssCodes = [.. reference.GssCodes.Select(g => ToEntity(reference.Code, g))];
            updated++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var today = Core.Time.TodayInLondon(clock);
        var inOperation = authorities.Count(a => a.Period.Contains(today));
        return new AuthorityImportResult(added, updated, unchanged, inOperation);
    }

    /// <summary>
    /// The regions the reference data needs: those it lists, then any region an authority or GSS code names that it does
    /// not list (named by its code until a list names it).
    /// </summary>
    public static IReadOnlyList<Region> RegionsOf(IReadOnlyList<AuthorityReference> authorities, IReadOnlyList<Core.Register.RegionReference> regions)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(regions);
        // A code listed twice takes its last name, as updating it once for each would.
        var listed = regions.GroupBy(r => r.Code).Select(g => new Region { Code = g.Key, Name = g.Last().Name }).ToList();
        var unlisted = authorities.SelectMany(a => a.GssCodes.Select(g => g.RegionCode).Append(a.RegionCode)).Distinct()
            .Where(code => listed.All(r => r.Code != code))
            .Select(code => new Region { Code = code, Name = code });
        return [.. listed, .. unlisted];
    }

    /// <summary>A new authority, with its GSS codes, as the reference data gives it.</summary>
    public static Authority ToEntity(AuthorityReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new Authority
        {
            Code = reference.Code,
            Name = reference.Name,
            RegionCode = reference.RegionCode,
            OperatingFrom = reference.Period.From,
            OperatingTo = reference.Period.To,
            GssCodes = [.. reference.GssCodes.Select(g => ToEntity(reference.Code, g))],
        };
    }

    private static AuthorityGssCode ToEntity(string authorityCode, GssCode gss) => new()
    {
        Code = gss.Code,
        AuthorityCode = authorityCode,
        Name = gss.Name,
        RegionCode = gss.RegionCode,
        ValidFrom = gss.ValidFrom,
        ValidTo = gss.ValidTo,
    };
}
