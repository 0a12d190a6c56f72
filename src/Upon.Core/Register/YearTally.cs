namespace Upon.Core.Register;

/// <summary>The counts for one financial year that the calculator gathers in a single pass over the register.</summary>
internal sealed class YearTally
{
    public int Changes { get; set; }

    public HashSet<string> AuthoritiesWithChange { get; } = new(StringComparer.Ordinal);

    public HashSet<string> AuthoritiesWithUnplannedChange { get; } = new(StringComparer.Ordinal);

    public int FirstTimeDirectors { get; set; }

    /// <summary>The people behind <see cref="FirstTimeDirectors"/>, each once however many posts they started with.</summary>
    public HashSet<int> FirstTimePeople { get; } = [];

    public int CompletedTenures { get; set; }

    public long CompletedTenureDays { get; set; }
}
