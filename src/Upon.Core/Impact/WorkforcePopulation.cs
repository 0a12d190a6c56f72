namespace Upon.Core.Impact;

/// <summary>
/// One cell of the ONS Census 2021 table "Ethnic group (20 categories)": the usual residents of one area in one
/// category.
/// </summary>
/// <param name="Level"><c>Country</c>, <c>Region</c> or <c>UTLA</c> (upper-tier local authority, 2023 boundaries).</param>
/// <param name="AreaCode">The area's GSS code.</param>
/// <param name="AreaName">The area's name.</param>
/// <param name="CategoryCode">ONS's category code: -8 "Does not apply", then 1 to 19.</param>
/// <param name="Category">ONS's label, such as "White: Irish".</param>
/// <param name="Observation">Usual residents.</param>
public sealed record CensusEthnicityRow(string Level, string AreaCode, string AreaName, int CategoryCode, string Category, long Observation)
{
    /// <summary>
    /// DfE's major group (spaced) for the Census category: the part of ONS's label before the colon names it. Null for
    /// "Does not apply".
    /// </summary>
    public string? MajorGroup => MajorGroupOf(Category);

    /// <summary>DfE's major group for an ONS category label; null when the label names none of the five.</summary>
    public static string? MajorGroupOf(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var colon = category.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? category : category[..colon];
        return prefix.Trim() switch
        {
            "Asian, Asian British or Asian Welsh" => "Asian / Asian British",
            "Black, Black British, Black Welsh, Caribbean or African" => "Black / African / Caribbean / Black British",
            "Mixed or Multiple ethnic groups" => "Mixed / Multiple ethnic groups",
            "White" => Equality.Ethnicity.White,
            "Other ethnic group" => "Other ethnic group",
            _ => null,
        };
    }

    /// <summary>The make-up of an area's population by major group; null when the area is not in the rows.</summary>
    public static EthnicComposition? Composition(IEnumerable<CensusEthnicityRow> rows, string areaCode)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var area = rows.Where(r => r.AreaCode == areaCode && r.MajorGroup is not null).ToList();
        if (area.Count == 0)
        {
            return null;
        }
        var byGroup = area.GroupBy(r => r.MajorGroup!).ToDictionary(g => g.Key, g => (int)Math.Min(int.MaxValue, g.Sum(r => r.Observation)), StringComparer.Ordinal);
        return new EthnicComposition($"ONS Census 2021, usual residents, {area[0].AreaName}", byGroup, byGroup.Values.Sum());
    }
}

/// <summary>ADCS's published ethnicity of directors of children's services in England, from one survey.</summary>
/// <param name="Survey">The survey, such as "autumn 2023".</param>
/// <param name="PublishedOn">The first day the figures count from (the survey's season: 1 October for autumn).</param>
/// <param name="BlackShare">The share who are Black.</param>
/// <param name="WhiteShare">The share who are White.</param>
public sealed record DcsEthnicity(string Survey, NodaTime.LocalDate PublishedOn, double BlackShare, double WhiteShare);
