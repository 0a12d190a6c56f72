namespace Upon.Impact;

/// <summary>A row of <c>workforce_ethnicity</c>: one cell of DfE's children's social work workforce statistics by ethnicity and role.</summary>
public class WorkforceEthnicityFigure
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Level { get; set; }
    public required string AreaCode { get; set; }
    public required string AreaName { get; set; }
    public required string Role { get; set; }
    public required string EthnicGroup { get; set; }

    /// <summary>Null where DfE suppressed the cell (<c>x</c>) or it does not apply (<c>z</c>).</summary>
    public int? Headcount { get; set; }

    public const int MaxTextLength = 100;
}

/// <summary>A row of <c>census_ethnicity</c>: usual residents of one area in one ONS Census 2021 ethnic group.</summary>
public class CensusEthnicityFigure
{
    public int Id { get; set; }
    public required string Level { get; set; }
    public required string AreaCode { get; set; }
    public required string AreaName { get; set; }
    public int CategoryCode { get; set; }
    public required string Category { get; set; }
    public long Observation { get; set; }

    public const int MaxTextLength = 200;
}
