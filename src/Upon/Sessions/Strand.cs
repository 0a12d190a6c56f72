namespace Upon.Sessions;

/// <summary>
/// A strand of the programme (New Directors, Aspirant Directors, ...). Staff can add more. A strand with cohorts
/// (Aspirant Directors) runs annual groups; a rolling strand (New Directors) does not.
/// </summary>
public class Strand
{
    public int Id { get; set; }

    /// <summary>The strand's address in URLs and its public calendar (<c>new-directors</c>).</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Summary { get; set; }
    public bool HasCohorts { get; set; }
    public int DisplayOrder { get; set; }
    public List<Cohort> Cohorts { get; set; } = [];

    public const int MaxSlugLength = 60;
    public const int MaxNameLength = 120;
    public const int MaxSummaryLength = 2000;
}
