namespace Upon.Core.Disclosure;

/// <summary>A total and its parts as they may be published together (see <see cref="DisclosureRule.Breakdown"/>).</summary>
/// <param name="Total">The total: suppressed only when it is itself a small count.</param>
/// <param name="Parts">The parts, in the order given.</param>
public sealed record DisclosedBreakdown(Disclosed<int> Total, IReadOnlyList<Disclosed<int>> Parts);
