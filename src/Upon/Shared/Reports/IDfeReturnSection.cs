using Upon.Core.Impact;

namespace Upon.Shared.Reports;

/// <summary>
/// One section of the DfE contract return (New Directors, coaching, equality, data quality; aspirants and retention
/// when those features add theirs): its fixed key figures and how they are measured for a period. A feature implements
/// it and registers it with <c>services.AddScoped&lt;IDfeReturnSection, ...&gt;()</c>; the return
/// (<c>Impact/ReturnReport</c>) lists every registered section by <see cref="Order"/>, so no feature depends on Impact.
/// </summary>
public interface IDfeReturnSection
{
    /// <summary>The section's key (<c>new-directors</c>), as the JSON and CSV write it.</summary>
    string Key { get; }

    /// <summary>The section's title, and its sheet's name in the workbook (31 characters at most).</summary>
    string Title { get; }

    /// <summary>Where the section comes in the return: lower first.</summary>
    int Order { get; }

    /// <summary>The section's figures, in order. Their keys are unique across the return and never change.</summary>
    IReadOnlyList<ReturnFigureDefinition> Figures { get; }

    /// <summary>
    /// Every figure of the section measured exactly for each of <paramref name="periods"/>: a measure for every figure
    /// and every period. A count that adds up over the quarters must give the year the sum of its quarters.
    /// </summary>
    Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken);
}
