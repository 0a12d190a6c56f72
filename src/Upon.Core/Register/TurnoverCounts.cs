namespace Upon.Core.Register;

/// <summary>
/// The counts behind a year's shares, mean and median. They are not published; disclosure control needs them to
/// decide whether those figures may be (see <see cref="TurnoverDisclosure"/>).
/// </summary>
/// <param name="InterimAtYearEnd">
/// Authorities in operation on the year's last day whose postholder then is interim or acting: the numerator of
/// <see cref="TurnoverFigures.InterimShareAtYearEnd"/>.
/// </param>
/// <param name="CompletedTenures">The tenures that ended in the year, which <see cref="TurnoverFigures.MeanCompletedTenureMonths"/> averages.</param>
/// <param name="AtRiskBehindMedian">
/// The smallest group <see cref="TurnoverFigures.MedianTenureMonths"/> rests on: the number at risk at the
/// Kaplan-Meier step where the median is reached or, when it never is, at the curve's last step, since the whole
/// curve shows that; 0 when no tenure had started.
/// </param>
/// <param name="FirstTimePeople">
/// The people whose first DCS post anywhere started in the year: the invitation figures publish this count as their
/// <c>firstTimeDirectors</c>, while <see cref="TurnoverFigures.FirstTimeDirectors"/> counts those people's appointments.
/// Null when not known, and then no link between the two is checked.
/// </param>
public sealed record TurnoverCounts(int InterimAtYearEnd, int CompletedTenures, int AtRiskBehindMedian, int? FirstTimePeople = null);
