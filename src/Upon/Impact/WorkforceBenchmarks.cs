using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Impact.ReferenceData;

namespace Upon.Impact;

/// <summary>
/// What the programme's people are compared with: the children's social work workforce (DfE), the population (ONS
/// Census 2021) and directors of children's services (ADCS), from the reference tables and the shipped DCS figures.
/// </summary>
public sealed class WorkforceBenchmarks(UponDbContext db)
{
    /// <summary>England's GSS code.</summary>
    public const string England = "E92000001";

    private List<WorkforceEthnicityRow>? _workforce;
    private List<CensusEthnicityRow>? _census;

    /// <summary>Reads the reference tables once for this scope.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _workforce ??= (await db.WorkforceEthnicity.AsNoTracking().Where(f => f.AreaCode == England).ToListAsync(cancellationToken))
            .Select(f => new WorkforceEthnicityRow(f.Year, f.Level, f.AreaCode, f.AreaName, f.Role, f.EthnicGroup, f.Headcount))
            .ToList();
        _census ??= (await db.CensusEthnicity.AsNoTracking().Where(f => f.Level != "UTLA").ToListAsync(cancellationToken))
            .Select(f => new CensusEthnicityRow(f.Level, f.AreaCode, f.AreaName, f.CategoryCode, f.Category, f.Observation))
            .ToList();
    }

    /// <summary>The collection years held, oldest first.</summary>
    public IReadOnlyList<int> WorkforceYears => [.. Loaded(_workforce).Select(r => r.Year).Distinct().Order()];

    /// <summary>
    /// The latest workforce collection (30 September of its year) on or before <paramref name="asOf"/>, of the roles
    /// given, in England; null when none is that old.
    /// </summary>
    public EthnicComposition? Workforce(LocalDate asOf, params string[] roles)
    {
        var year = WorkforceYears.Where(y => new LocalDate(y, 9, 30) <= asOf).Cast<int?>().LastOrDefault();
        return year is { } y ? EthnicComposition.OfWorkforce(Loaded(_workforce), y, England, roles) : null;
    }

    /// <summary>The collection of one year, of the roles given, in England.</summary>
    public EthnicComposition? WorkforceOfYear(int year, params string[] roles) => EthnicComposition.OfWorkforce(Loaded(_workforce), year, England, roles);

    /// <summary>England's population by major group (ONS Census 2021).</summary>
    public EthnicComposition? Population() => CensusEthnicityRow.Composition(Loaded(_census), England);

    /// <summary>ADCS's latest published DCS ethnicity on or before <paramref name="asOf"/>; null before the first.</summary>
    public static DcsEthnicity? Dcs(LocalDate asOf) =>
        WorkforceReferenceData.Dcs.Where(d => d.PublishedOn <= asOf).OrderBy(d => d.PublishedOn).LastOrDefault();

    private static List<T> Loaded<T>(List<T>? rows) =>
        rows ?? throw new InvalidOperationException("Call LoadAsync first.");
}
