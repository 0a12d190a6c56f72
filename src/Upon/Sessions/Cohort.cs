using NodaTime;

namespace Upon.Sessions;

/// <summary>An annual group within a strand that has cohorts (the Aspirant Directors of 2026-27).</summary>
public class Cohort
{
    public int Id { get; set; }
    public int StrandId { get; set; }
    public Strand? Strand { get; set; }
    public required string Name { get; set; }
    public LocalDate StartsOn { get; set; }
    public LocalDate EndsOn { get; set; }

    public const int MaxNameLength = 120;
}
