namespace Upon.Impact;

/// <summary>
/// The DfE contract return as the API, the command line, the files and the page give it, and as a submission freezes it.
/// </summary>
/// <param name="Period">The period's label: <c>2026-27-Q2</c> or <c>2026-27</c>.</param>
/// <param name="PeriodName">The period for people: "Q2 2026-27 (July to September 2026)".</param>
/// <param name="From">The period's first day (ISO 8601).</param>
/// <param name="To">Its last day.</param>
/// <param name="LastPeriod">The label of the period before (the previous quarter, or year).</param>
/// <param name="SamePeriodLastYear">The label of the same period a year earlier.</param>
/// <param name="View"><c>exact</c> (staff) or <c>funder</c> (small numbers suppressed).</param>
/// <param name="SmallNumberThreshold">For the funder's view, the smallest count shown apart from zero; null for the exact view.</param>
/// <param name="Status"><c>draft</c> (worked out now), <c>submitted</c> or <c>revised</c> (frozen).</param>
/// <param name="Version">The submission's version (1 submitted, 2 on revised); null for a draft.</param>
/// <param name="SubmittedAt">When the version was submitted (ISO 8601 instant); null for a draft.</param>
/// <param name="RevisionNote">Why the revision was issued; null otherwise.</param>
/// <param name="ComputedAt">When the figures were worked out (ISO 8601 instant).</param>
/// <param name="Sections">The sections, in order.</param>
public sealed record DfeReturnDocument(
    string Period,
    string PeriodName,
    string From,
    string To,
    string LastPeriod,
    string SamePeriodLastYear,
    string View,
    int? SmallNumberThreshold,
    string Status,
    int? Version,
    string? SubmittedAt,
    string? RevisionNote,
    string ComputedAt,
    IReadOnlyList<DfeReturnSectionDocument> Sections)
{
    public const string ExactView = "exact";
    public const string FunderView = "funder";

    /// <summary>Every figure with its section's key.</summary>
    public IEnumerable<(DfeReturnSectionDocument Section, DfeReturnFigureDocument Figure)> AllFigures() =>
        Sections.SelectMany(s => s.Figures.Select(f => (s, f)));
}

/// <summary>A section of the return.</summary>
public sealed record DfeReturnSectionDocument(string Key, string Title, IReadOnlyList<DfeReturnFigureDocument> Figures);

/// <summary>
/// One key figure: its definition and its value this period, last period and the same period last year. A share is
/// from 0 to 1 (4 decimal places); hours have 2. A value is null when it is suppressed (then its column is named in
/// <see cref="Suppressed"/>: <c>thisPeriod</c>, <c>lastPeriod</c>, <c>samePeriodLastYear</c>) or when it does not exist
/// (a share of nobody, reference data not yet published).
/// </summary>
public sealed record DfeReturnFigureDocument(
    string Key,
    string Title,
    string Unit,
    string Definition,
    double? ThisPeriod,
    double? LastPeriod,
    double? SamePeriodLastYear,
    IReadOnlyList<string> Suppressed)
{
    public const string ThisPeriodColumn = "thisPeriod";
    public const string LastPeriodColumn = "lastPeriod";
    public const string SamePeriodLastYearColumn = "samePeriodLastYear";

    public bool IsSuppressed(string column) => Suppressed.Contains(column, StringComparer.Ordinal);
}
