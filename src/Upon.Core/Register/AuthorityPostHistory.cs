using NodaTime;

namespace Upon.Core.Register;

/// <summary>One authority's appointments in <see cref="AppointmentOrder.ByStartThenEnd"/> order, for fast look-ups by date.</summary>
internal sealed class AuthorityPostHistory
{
    private readonly AppointmentFact[] _appointments;

    // _latestEndSoFar[i] is the latest last day among _appointments[0..i] (LocalDate.MaxIsoValue if any is open),
    // so a backwards search for a postholder can stop as soon as nobody earlier can still be in post.
    private readonly LocalDate[] _latestEndSoFar;

    public AuthorityPostHistory(IEnumerable<AppointmentFact> appointments)
    {
        _appointments = [.. appointments];
        Array.Sort(_appointments, AppointmentOrder.ByStartThenEnd);
        _latestEndSoFar = new LocalDate[_appointments.Length];
        var latest = LocalDate.MinIsoValue;
        for (var i = 0; i < _appointments.Length; i++)
        {
            latest = LocalDate.Max(latest, _appointments[i].End ?? LocalDate.MaxIsoValue);
            _latestEndSoFar[i] = latest;
        }
    }

    /// <summary>
    /// Each appointment with the one before it: the last, in order, of those starting strictly earlier; null for
    /// the authority's first recorded appointment(s).
    /// </summary>
    public IEnumerable<(AppointmentFact Appointment, AppointmentFact? Previous)> WithPrevious()
    {
        AppointmentFact? previous = null;
        for (var i = 0; i < _appointments.Length; i++)
        {
            if (i > 0 && _appointments[i - 1].Start < _appointments[i].Start)
            {
                previous = _appointments[i - 1];
            }
            yield return (_appointments[i], previous);
        }
    }

    /// <summary>
    /// The postholder on <paramref name="date"/>: of the appointments in post that day, the latest in order
    /// (the most recently started); null if the post was vacant.
    /// </summary>
    public AppointmentFact? HolderOn(LocalDate date)
    {
        for (var i = LastStartingOnOrBefore(date); i >= 0 && _latestEndSoFar[i] >= date; i--)
        {
            if (_appointments[i].IsInPostOn(date))
            {
                return _appointments[i];
            }
        }
        return null;
    }

    private int LastStartingOnOrBefore(LocalDate date)
    {
        int low = 0, high = _appointments.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (_appointments[mid].Start <= date)
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
