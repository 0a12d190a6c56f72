using NodaTime;

namespace Upon.Core.Register;

/// <summary>One authority's appointments in the order they follow one another, for finding the postholder on a day.</summary>
internal sealed class AuthorityPostHistory
{
    private readonly AppointmentFact[] _appointments;
    private readonly int[] _startDays;
    private readonly int[] _endDays;

    // _latestEndSoFar[i] is the latest end among appointments 0..i, so a backwards search for the postholder can
    // stop as soon as nobody earlier can still be in post.
    private readonly int[] _latestEndSoFar;

    /// <param name="index">The register.</param>
    /// <param name="rows">The authority's rows from <see cref="RegisterIndex.ByAuthorityThenStart"/>.</param>
    public AuthorityPostHistory(RegisterIndex index, ReadOnlySpan<AppointmentRow> rows)
    {
        _appointments = new AppointmentFact[rows.Length];
        _startDays = new int[rows.Length];
        _endDays = new int[rows.Length];
        _latestEndSoFar = new int[rows.Length];
        var latest = int.MinValue;
        for (var i = 0; i < rows.Length; i++)
        {
            _appointments[i] = index.Facts[rows[i].Fact];
            _startDays[i] = rows[i].Start;
            _endDays[i] = rows[i].End;
            latest = Math.Max(latest, rows[i].End);
            _latestEndSoFar[i] = latest;
        }
    }

    /// <summary>
    /// The postholder on <paramref name="date"/>: of the appointments in post that day, the latest to start (on
    /// the same start, the one ending last); null if the post was vacant.
    /// </summary>
    public AppointmentFact? HolderOn(LocalDate date)
    {
        var day = RegisterIndex.DayNumber(date);
        for (var i = LastStartingOnOrBefore(day); i >= 0 && _latestEndSoFar[i] >= day; i--)
        {
            if (_endDays[i] >= day)
            {
                return _appointments[i];
            }
        }
        return null;
    }

    private int LastStartingOnOrBefore(int day)
    {
        int low = 0, high = _startDays.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (_startDays[mid] <= day)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low - 1;
    }
}
