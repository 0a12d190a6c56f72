using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// Computes the DCS turnover figures published to the DfE (see <see cref="TurnoverFigures"/> for the definitions).
/// The register is indexed once, on construction, so each year's figures cost little more than a pass over the
/// authorities and the tenures.
/// </summary>
public sealed class TurnoverCalculator
{
    /// <summary>The average length of a month in days (365.25 / 12), used to express tenures in months.</summary>
    public const double DaysPerMonth = 30.4375;

    private static readonly YearTally EmptyTally = new();

    private readonly AuthorityFact[] _authorities;
    private readonly Dictionary<string, AuthorityPostHistory> _historyByAuthority = new(StringComparer.Ordinal);
    private readonly Dictionary<FinancialYear, YearTally> _tallies = [];
    private readonly TenureDurations _tenureDurations;
    private readonly FinancialYear? _firstYearOfData;

    /// <summary>Indexes the register.</summary>
    /// <param name="authorities">Every authority, with its operating period.</param>
    /// <param name="appointments">Every appointment in the register.</param>
    public TurnoverCalculator(
        IReadOnlyCollection<AuthorityFact> authorities, IReadOnlyCollection<AppointmentFact> appointments)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(appointments);

        _authorities = [.. authorities];
        var index = new RegisterIndex(appointments);
        _firstYearOfData = index.Facts.Length == 0 ? null : FinancialYear.Containing(index.Facts.Min(f => f.Start));
        IndexAppointments(index);

        var tenures = index.TenureSpans();
        _tenureDurations = new TenureDurations(tenures);
        foreach (var tenure in tenures)
        {
            if (index.Facts[tenure.EndFact].End is { } end)
            {
                var tally = TallyFor(end);
                tally.CompletedTenures++;
                tally.CompletedTenureDays += Math.Max(0, tenure.End - tenure.Start + 1);
            }
        }
    }

    /// <summary>
    /// The figures for every financial year from the one containing the earliest appointment start up to and
    /// including the one containing <paramref name="today"/>, oldest first; empty if there are no appointments.
    /// </summary>
    public IReadOnlyList<TurnoverFigures> Years(LocalDate today)
    {
        var years = new List<TurnoverFigures>();
        if (_firstYearOfData is not { } first)
        {
            return years;
        }

        var current = FinancialYear.Containing(today);
        int? rising = null;
        for (var year = first; year <= current; year = year.Next())
        {
            rising = year == first ? null : RisingAfter(rising, year);
            years.Add(Figures(year, rising) with { ToDate = year == current });
        }
        return years;
    }

    /// <summary>
    /// One year's figures. <see cref="TurnoverFigures.ConsecutiveYearsRising"/> is worked out over the series
    /// starting from the first year of data.
    /// </summary>
    public TurnoverFigures ForYear(FinancialYear year)
    {
        int? rising = null;
        if (_firstYearOfData is { } first && year > first)
        {
            for (var y = first.Next(); y <= year; y = y.Next())
            {
                rising = RisingAfter(rising, y);
            }
        }
        return Figures(year, rising);
    }

    /// <summary>
    /// The Kaplan-Meier curve of tenure length, in days, behind <see cref="TurnoverFigures.MedianTenureMonths"/>
    /// for <paramref name="year"/>: every tenure that started on or before the year's last day, those still running
    /// then (no end, or ending later) being censored at that day.
    /// </summary>
    public KaplanMeierCurve TenureSurvival(FinancialYear year) => _tenureDurations.Survival(year.LastDay);

    /// <summary>The unpublished counts behind <paramref name="year"/>'s shares, mean and median.</summary>
    public TurnoverCounts CountsFor(FinancialYear year)
    {
        var curve = TenureSurvival(year);
        var atRiskBehindMedian = curve.Steps.Count == 0 ? 0
            : curve.MedianDays is { } median ? curve.Steps.First(s => s.Days == median).AtRisk
            : curve.Steps[^1].AtRisk;
        var tally = _tallies.GetValueOrDefault(year, EmptyTally);
        return new TurnoverCounts(AuthoritiesAtYearEnd(year).Interim, tally.CompletedTenures, atRiskBehindMedian, tally.FirstTimePeople.Count);
    }

    /// <summary>
    /// Walks each authority's appointments in order once: builds its post history and tallies changes, first-time
    /// directors and unplanned endings into their years.
    /// </summary>
    private void IndexAppointments(RegisterIndex index)
    {
        // First-time as the retention evaluation takes it too (FirstTimeDirectors), not a copy of the rule.
        var firstStarts = FirstTimeDirectors.FirstStarts(index.Facts);
        var rows = index.ByAuthorityThenStart();

        var groupStart = 0;
        while (groupStart < rows.Length)
        {
            var authority = rows[groupStart].Authority;
            var code = index.AuthorityCodes[authority];
            var groupEnd = groupStart;
            var previous = -1; // the last row of the authority starting strictly before the current one
            for (; groupEnd < rows.Length && rows[groupEnd].Authority == authority; groupEnd++)
            {
                var row = rows[groupEnd];
                if (groupEnd > groupStart && rows[groupEnd - 1].Start < row.Start)
                {
                    previous = groupEnd - 1;
                }

                var fact = index.Facts[row.Fact];
                var tally = TallyFor(fact.Start);
                if (previous >= 0 && rows[previous].Person != row.Person)
                {
                    tally.Changes++;
                    tally.AuthoritiesWithChange.Add(code);
                }
                if (FirstTimeDirectors.IsFirstTime(fact.PersonId, fact.Start, firstStarts))
                {
                    tally.FirstTimeDirectors++;
                    tally.FirstTimePeople.Add(row.Person);
                }
                if (fact is { Unplanned: true, End: { } end })
                {
                    TallyFor(end).AuthoritiesWithUnplannedChange.Add(code);
                }
            }

            _historyByAuthority.Add(code, new AuthorityPostHistory(index, rows.AsSpan(groupStart..groupEnd)));
            groupStart = groupEnd;
        }
    }

    private TurnoverFigures Figures(FinancialYear year, int? consecutiveYearsRising)
    {
        var lastDay = year.LastDay;
        var (localAuthorities, interim) = AuthoritiesAtYearEnd(year);
        var tally = _tallies.GetValueOrDefault(year, EmptyTally);
        double? meanCompleted = tally.CompletedTenures == 0
            ? null
            : Months((decimal)tally.CompletedTenureDays / tally.CompletedTenures);
        double? median = _tenureDurations.MedianDays(lastDay) is { } medianDays ? Months(medianDays) : null;

        return new TurnoverFigures(
            year.Label,
            localAuthorities,
            tally.Changes,
            tally.AuthoritiesWithChange.Count,
            tally.AuthoritiesWithUnplannedChange.Count,
            Share(tally.AuthoritiesWithUnplannedChange.Count, localAuthorities),
            tally.FirstTimeDirectors,
            Share(interim, localAuthorities),
            meanCompleted,
            median,
            consecutiveYearsRising);
    }

    /// <summary>The authorities in operation on the year's last day, and how many of them an interim or acting DCS led then.</summary>
    private (int InOperation, int Interim) AuthoritiesAtYearEnd(FinancialYear year)
    {
        var lastDay = year.LastDay;
        var inOperation = 0;
        var interim = 0;
        foreach (var authority in _authorities)
        {
            if (!authority.Period.Contains(lastDay))
            {
                continue;
            }
            inOperation++;
            if (_historyByAuthority.TryGetValue(authority.Code, out var history)
                && history.HolderOn(lastDay) is { IsInterimOrActing: true })
            {
                interim++;
            }
        }
        return (inOperation, interim);
    }

    private int? RisingAfter(int? risingLastYear, FinancialYear year) =>
        ChangesIn(year) > ChangesIn(year.Previous()) ? (risingLastYear ?? 0) + 1 : 0;

    private int ChangesIn(FinancialYear year) => _tallies.TryGetValue(year, out var tally) ? tally.Changes : 0;

    private YearTally TallyFor(LocalDate date)
    {
        var year = FinancialYear.Containing(date);
        if (!_tallies.TryGetValue(year, out var tally))
        {
            tally = new YearTally();
            _tallies.Add(year, tally);
        }
        return tally;
    }

    // Rounded in decimal so that a value exactly halfway between two published values always rounds away from zero.
    private static double Share(int count, int total) =>
        total == 0 ? 0 : (double)Math.Round((decimal)count / total, 4, MidpointRounding.AwayFromZero);

    private static double Months(decimal days) =>
        (double)Math.Round(days / (decimal)DaysPerMonth, 2, MidpointRounding.AwayFromZero);
}
