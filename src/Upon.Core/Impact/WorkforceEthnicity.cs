namespace Upon.Core.Impact;

/// <summary>
/// One cell of DfE's children's social work workforce statistics by ethnicity and role: the headcount in post on
/// 30 September of <see cref="Year"/> of one role and one ethnic major group (or <c>Total</c>, <c>Known</c>,
/// <c>Not known</c>) in one area.
/// </summary>
/// <param name="Year">The collection year (the census date is 30 September of it).</param>
/// <param name="Level"><c>National</c> or <c>Regional</c>.</param>
/// <param name="AreaCode">The GSS code: E92000001 for England, E12... for a region.</param>
/// <param name="AreaName">The area's name.</param>
/// <param name="Role">DfE's role: <c>Total</c>, <c>Case holder</c>, <c>Senior manager</c> ...</param>
/// <param name="Group">DfE's ethnic major group, spaced (<c>Black / African / Caribbean / Black British</c>), or <c>Total</c>, <c>Known</c>, <c>Not known</c>.</param>
/// <param name="Headcount">The headcount; null where DfE suppressed it (<c>x</c>) or it does not apply (<c>z</c>).</param>
public sealed record WorkforceEthnicityRow(int Year, string Level, string AreaCode, string AreaName, string Role, string Group, int? Headcount);

/// <summary>DfE's roles in the workforce statistics that the equality figures compare with.</summary>
public static class WorkforceRole
{
    /// <summary>Every children's social worker.</summary>
    public const string Total = "Total";

    /// <summary>Senior managers: the pool directors come from.</summary>
    public const string SeniorManager = "Senior manager";

    /// <summary>Middle managers and first line managers together are "managers".</summary>
    public const string MiddleManager = "Middle manager";

    /// <summary>First line managers.</summary>
    public const string FirstLineManager = "First line manager";

    /// <summary>Social workers holding cases.</summary>
    public const string CaseHolder = "Case holder";

    /// <summary>Every role the statistics publish.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Total, CaseHolder, "Qualified without cases", "Senior practitioner", FirstLineManager, MiddleManager, SeniorManager];
}

/// <summary>
/// The make-up by ethnic major group of a workforce or population, from published counts: the shares are of those whose
/// ethnicity is known.
/// </summary>
/// <param name="Source">Where the counts come from, for people ("DfE CSWW 2024, senior managers, England").</param>
/// <param name="ByGroup">The count of each major group (DfE's spaced names).</param>
/// <param name="Total">Everyone counted, known or not.</param>
public sealed record EthnicComposition(string Source, IReadOnlyDictionary<string, int> ByGroup, int Total)
{
    /// <summary>Those whose ethnicity is known: the sum of the groups.</summary>
    public int Known => ByGroup.Values.Sum();

    /// <summary>The share of <paramref name="group"/> among those known; null when nobody is known.</summary>
    public double? Share(string group) => Known == 0 ? null : (double)ByGroup.GetValueOrDefault(group) / Known;

    /// <summary>The share of everyone whose ethnicity is known; null when nobody is counted.</summary>
    public double? KnownShare => Total == 0 ? null : (double)Known / Total;

    /// <summary>The make-up of one role in one area and year from the workforce statistics; null when the rows are not there.</summary>
    public static EthnicComposition? OfWorkforce(IEnumerable<WorkforceEthnicityRow> rows, int year, string areaCode, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(roles);
        var matching = rows.Where(r => r.Year == year && r.AreaCode == areaCode && roles.Contains(r.Role)).ToList();
        var total = matching.Where(r => r.Group == "Total").ToList();
        if (total.Count == 0)
        {
            return null;
        }
        var byGroup = Equality.Ethnicity.MajorGroups
            .Select(g => (g, Count: matching.Where(r => r.Group == g).Sum(r => r.Headcount ?? 0)))
            .Where(g => g.Count > 0 || matching.Any(r => r.Group == g.g))
            .ToDictionary(g => g.g, g => g.Count, StringComparer.Ordinal);
        var area = matching[0].AreaName;
        return new EthnicComposition($"DfE children's social work workforce, {year}, {string.Join(" and ", roles).ToLowerInvariant()}, {area}", byGroup, total.Sum(r => r.Headcount ?? 0));
    }
}
