using NodaTime;
using Upon.Core;
using Upon.Core.Impact;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>
/// The return's retention figures: the share of New Directors participants' tenures lasting beyond 12 and 24 months,
/// read from the retention evaluation's Kaplan-Meier curve of the participants group as of the period's end (README,
/// "Retention evaluation: definitions").
/// </summary>
public sealed class ReturnRetentionSection(RetentionEvaluation retention, IClock clock) : IDfeReturnSection
{
    public const string Retained12Months = "participantsRetained12MonthsShare";
    public const string Retained24Months = "participantsRetained24MonthsShare";

    public string Key => "retention";

    public string Title => "Retention";

    public int Order => 40;

    public IReadOnlyList<ReturnFigureDefinition> Figures { get; } =
    [
        new(Retained12Months, "Participants still in post 12 months after starting", ReturnUnit.Share,
            "The retention evaluation's Kaplan-Meier estimate, as of the period's last day (while the period runs, the last day of the latest quarter that has ended), of the share of participants' first-time tenures lasting beyond 12 months (365.25 days): participants are first-time directors, in post from NewDirectors:InvitingSince for at least 90 days, who accepted the New Directors invitation or enrolled within the first 90 days. Null when no participant's tenure has been observed that long. Observational evidence, not proof that the programme caused it."),
        new(Retained24Months, "Participants still in post 24 months after starting", ReturnUnit.Share,
            "The same estimate at 24 months (730.5 days)."),
    ];

    public async Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var today = clock.TodayInLondon();
        // A period still running is measured as of the last quarter end before today, so no figure moves from day to day.
        LocalDate AsOf(ReturnPeriod period) => period.LastDay < today ? period.LastDay : RetentionEvaluation.FunderAsOf(today.PlusDays(-1));
        // Each as-of day is a quarter end, disclosed against every earlier one exactly as the retention page discloses it.
        var series = await retention.SeriesAsync(periods.Select(AsOf), cancellationToken);
        var measures = new ReturnMeasures();
        foreach (var period in periods)
        {
            measures.Add(period, Retained12Months, ReturnMeasure.Survival(series[AsOf(period)], 12));
            measures.Add(period, Retained24Months, ReturnMeasure.Survival(series[AsOf(period)], 24));
        }
        return measures.ToDictionary();
    }
}
