namespace Upon.Shared.Figures;

/// <summary>
/// The one row of <c>data_versions</c>: a number raised by one in the same transaction as every change to the data that
/// figures are computed from. Every instance reads it (one query by primary key) before serving a cached figure, so a
/// figure cached on any instance is recomputed after a change made on any other.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
