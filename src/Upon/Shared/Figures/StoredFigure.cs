using NodaTime;

namespace Upon.Shared.Figures;

/// <summary>
/// A row of <c>stored_figures</c>: a report's computed figures (as JSON) kept in the database between processes, with the
/// data version (<see cref="DataVersion"/>), London day and build they were computed for. A command-line report reads it
/// back with one query (<see cref="StoredFigures"/>) instead of recomputing; any other version, day or build is stale.
/// </summary>
public sealed class StoredFigure
{
    public const string Table = "stored_figures";

    /// <summary>The longest key (a report's name, such as <c>turnover|years</c>).</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The longest build (<see cref="StoredFigures.Build"/>: two module ids).</summary>
    public const int MaxBuildLength = 100;

    public string Key { get; set; } = "";

    /// <summary>The data version read before the figures were computed: figures of a later change are never labelled with an earlier version.</summary>
    public long DataVersion { get; set; }

    /// <summary>The London day the figures were computed on (a financial year's figures to date depend on it).</summary>
    public LocalDate Day { get; set; }

    public string Build { get; set; } = "";

    public string Json { get; set; } = "";
}
