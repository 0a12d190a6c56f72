using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// The register's appointments with authority codes and person ids interned to numbers and dates turned into
/// day numbers, so that they can be sorted and grouped without string or calendar comparisons.
/// </summary>
internal sealed class RegisterIndex
{
    /// <summary>The end day number of an appointment or tenure still running: later than any real day.</summary>
    public const int Open = int.MaxValue;

    // 1 January of year 1 counted from 1 March of year 0 by the arithmetic in DayNumber.
    private const int DayZeroFromMarchZero = 306;

    private readonly AppointmentRow[] _rows;

    public RegisterIndex(IEnumerable<AppointmentFact> appointments)
    {
        Facts = [.. appointments];
        var authorities = Intern(Facts, static f => f.AuthorityCode, out var authorityCodes);
        var people = Intern(Facts, static f => f.PersonId, out var personIds);
        AuthorityCodes = authorityCodes;
        PersonIds = personIds;
        _rows = new AppointmentRow[Facts.Length];
        for (var i = 0; i < Facts.Length; i++)
        {
            var fact = Facts[i];
            _rows[i] = new AppointmentRow(
                authorities[i], people[i], DayNumber(fact.Start), fact.End is { } end ? DayNumber(end) : Open, i);
        }
    }

    /// <summary>The appointments, in the order given.</summary>
    public AppointmentFact[] Facts { get; }

    /// <summary>The distinct authority codes in ordinal order; a row's <see cref="AppointmentRow.Authority"/> indexes this.</summary>
    public string[] AuthorityCodes { get; }

    /// <summary>The distinct person ids in ordinal order; a row's <see cref="AppointmentRow.Person"/> indexes this.</summary>
    public string[] PersonIds { get; }

    /// <summary>
    /// Days since 1 January of year 1 (ISO calendar), by plain arithmetic: the calendar comparisons behind
    /// <see cref="Period.DaysBetween(LocalDate, LocalDate)"/> are slow enough to matter over 100,000 appointments.
    /// </summary>
    public static int DayNumber(LocalDate date)
    {
        // Days from civil (H. Hinnant): count from 1 March of year 0 so that the leap day falls at the end of a year.
        var year = date.Month <= 2 ? date.Year - 1 : date.Year;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (date.Month > 2 ? date.Month - 3 : date.Month + 9)) + 2) / 5 + date.Day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - DayZeroFromMarchZero;
    }

    /// <summary>
    /// The rows by authority, then start, then end (open last), then person: within an authority, the order in
    /// which appointments follow one another.
    /// </summary>
    public AppointmentRow[] ByAuthorityThenStart() =>
        Sorted(static row => ((long)row.Authority << 32) + ((long)row.Start - int.MinValue), new AuthorityStartOrder());

    /// <summary>
    /// Merges each person's appointments in each authority into tenures (see <see cref="Tenures.Build"/>), in order
    /// of authority, then person, then start.
    /// </summary>
    public List<TenureSpan> TenureSpans()
    {
        long people = PersonIds.Length;
        var rows = Sorted(row => (row.Authority * people) + row.Person, new PostStartOrder());

        var spans = new List<TenureSpan>();
        var i = 0;
        while (i < rows.Length)
        {
            var first = rows[i];
            var end = first.End;
            var endFact = first.Fact;
            var next = i + 1;
            for (; next < rows.Length
                && rows[next].Authority == first.Authority
                && rows[next].Person == first.Person
                && (end == Open || rows[next].Start <= end + Tenures.MaxGapDays); next++)
            {
                if (rows[next].End > end)
                {
                    end = rows[next].End;
                    endFact = rows[next].Fact;
                }
            }
            spans.Add(new TenureSpan(first.Authority, first.Person, first.Start, end, first.Fact, endFact));
            i = next;
        }
        return spans;
    }

    /// <summary>
    /// The rows sorted by <paramref name="order"/>, whose leading fields <paramref name="leadingKey"/> packs into one
    /// number. Sorting on that number first keeps the comparisons in the runtime's own sort of primitives; only runs
    /// sharing a leading key (usually short) are then ordered with <paramref name="order"/>.
    /// </summary>
    private AppointmentRow[] Sorted<TOrder>(Func<AppointmentRow, long> leadingKey, TOrder order)
        where TOrder : IComparer<AppointmentRow>
    {
        var rows = (AppointmentRow[])_rows.Clone();
        var keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = leadingKey(rows[i]);
        }
        Array.Sort(keys, rows);

        for (int start = 0, end; start < rows.Length; start = end)
        {
            for (end = start + 1; end < rows.Length && keys[end] == keys[start]; end++)
            {
            }
            if (end - start > 1)
            {
                rows.AsSpan(start, end - start).Sort(order);
            }
        }
        return rows;
    }

    /// <summary>Numbers the distinct keys in ordinal order and returns each fact's number.</summary>
    private static int[] Intern(AppointmentFact[] facts, Func<AppointmentFact, string> key, out string[] distinct)
    {
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            var value = key(facts[i]);
            if (!firstSeen.TryGetValue(value, out var id))
            {
                id = firstSeen.Count;
                firstSeen.Add(value, id);
            }
            ids[i] = id;
        }

        distinct = new string[firstSeen.Count];
        var firstSeenIds = new int[firstSeen.Count];
        var n = 0;
        foreach (var (value, id) in firstSeen)
        {
            distinct[n] = value;
            firstSeenIds[n++] = id;
        }
        Array.Sort(distinct, firstSeenIds, StringComparer.Ordinal);

        var rank = new int[distinct.Length];
        for (var r = 0; r < distinct.Length; r++)
        {
            rank[firstSeenIds[r]] = r;
        }
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = rank[ids[i]];
        }
        return ids;
    }

    private readonly struct AuthorityStartOrder : IComparer<AppointmentRow>
    {
        public int Compare(AppointmentRow x, AppointmentRow y) =>
            x.Authority != y.Authority ? x.Authority.CompareTo(y.Authority)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.End != y.End ? x.End.CompareTo(y.End)
            : x.Person != y.Person ? x.Person.CompareTo(y.Person)
            : x.Fact.CompareTo(y.Fact);
    }

    private readonly struct PostStartOrder : IComparer<AppointmentRow>
    {
        public int Compare(AppointmentRow x, AppointmentRow y) =>
            x.Authority != y.Authority ? x.Authority.CompareTo(y.Authority)
            : x.Person != y.Person ? x.Person.CompareTo(y.Person)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.End != y.End ? x.End.CompareTo(y.End)
            : x.Fact.CompareTo(y.Fact);
    }
}
