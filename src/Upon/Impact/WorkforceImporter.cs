using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Impact.ReferenceData;

namespace Upon.Impact;

/// <summary>What a reference import did: the rows the table now holds for the levels replaced.</summary>
public sealed record WorkforceImportResult(int Rows, string Summary);

/// <summary>
/// Loads the shipped equality reference data into <c>workforce_ethnicity</c> and <c>census_ethnicity</c> when they are
/// empty, and replaces it from the publishers' files (<c>upon import workforce</c>, <c>upon import census</c>) in one
/// transaction.
/// </summary>
public sealed class WorkforceImporter(UponDbContext db, AuditLog audit)
{
    private readonly BulkWriter bulk = new(db);

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.WorkforceEthnicity.AnyAsync(cancellationToken) || await db.CensusEthnicity.AnyAsync(cancellationToken))
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LoadEmbeddedAsync(bulk, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the shipped figures with <paramref name="bulk"/>, in its transaction, into tables that hold none.</summary>
    public static async Task LoadEmbeddedAsync(BulkWriter bulk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        var (workforce, census) = WorkforceReferenceData.LoadEmbedded();
        await bulk.InsertWorkforceEthnicityAsync([.. workforce.Select(ToEntity)], cancellationToken);
        await bulk.InsertCensusEthnicityAsync([.. census.Select(ToEntity)], cancellationToken);
    }

    /// <summary>Replaces the workforce figures of every year the file gives (other years are kept).</summary>
    public async Task<WorkforceImportResult> ReplaceWorkforceAsync(IReadOnlyList<WorkforceEthnicityRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WorkforceEthnicity.Where(f => years.Contains(f.Year)).ExecuteDeleteAsync(cancellationToken);
        await bulk.InsertWorkforceEthnicityAsync([.. rows.Select(ToEntity)], cancellationToken);
        var summary = $"{rows.Count:N0} workforce figures for {string.Join(", ", years)}";
        await audit.RecordAsync("ReferenceImported", "WorkforceEthnicity", null, summary, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(rows.Count, summary);
    }

    /// <summary>Replaces the census figures of the file's level (country, region or UTLA); other levels are kept.</summary>
    public async Task<WorkforceImportResult> ReplaceCensusAsync(IReadOnlyList<CensusEthnicityRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var levels = rows.Select(r => r.Level).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CensusEthnicity.Where(f => levels.Contains(f.Level)).ExecuteDeleteAsync(cancellationToken);
        await bulk.InsertCensusEthnicityAsync([.. rows.Select(ToEntity)], cancellationToken);
        var summary = $"{rows.Count:N0} census figures for {rows.Select(r => r.AreaCode).Distinct().Count():N0} areas ({string.Join(", ", levels)})";
        await audit.RecordAsync("ReferenceImported", "CensusEthnicity", null, summary, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(rows.Count, summary);
    }

    private static WorkforceEthnicityFigure ToEntity(WorkforceEthnicityRow r) => new()
    {
        Year = r.Year, Level = r.Level, AreaCode = r.AreaCode, AreaName = r.AreaName, Role = r.Role, EthnicGroup = r.Group, Headcount = r.Headcount,
    };

    private static CensusEthnicityFigure ToEntity(CensusEthnicityRow r) => new()
    {
        Level = r.Level, AreaCode = r.AreaCode, AreaName = r.AreaName, CategoryCode = r.CategoryCode, Category = r.Category, Observation = r.Observation,
    };
}
