using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Register;
using Upon.Register.ReferenceData;

namespace Upon.Benchmarks;

/// <summary>
/// A large, made-up but valid register for benchmarks: <see cref="DefaultSize"/> appointments over the real authorities
/// (the embedded reference data), in the import CSV format and as <see cref="AppointmentFact"/>s.
/// </summary>
/// <remarks>
/// Each authority gets a back-to-back run of non-overlapping appointments inside its operating period, in proportion
/// to the length of that period: from its first day (or <see cref="EarliestStart"/> when it has no start bound) to its
/// last day (abolished authorities, whose last appointment ends that day for a restructure) or <see cref="Today"/>.
/// Appointments are permanent, interim or acting; some interims are made permanent (the same person carries on); some
/// posts fall vacant for a while; most authorities still have a director in post (an open last appointment). People
/// who leave for another post, at the end of an interim and so on come back later elsewhere, so many people hold
/// several posts over time (never two at once). Deterministic: the same size and seed give the same file, byte for byte.
/// </remarks>
public sealed class SyntheticRegister
{
    public const int DefaultSize = 100_000;
    public const int DefaultSeed = 20_260_331;

    /// <summary>The register's "today": the last day it covers (fixed, so the data do not depend on the clock).</summary>
    public static readonly LocalDate Today = new(2026, 3, 31);

    /// <summary>Where authorities without a start bound begin (the Local Authority Social Services Act 1970).</summary>
    public static readonly LocalDate EarliestStart = new(1970, 4, 1);

    private static readonly string[] GivenNames =
    [
        "Aisha", "Alex", "Amrit", "Beatrice", "Bilal", "Carys", "Chinedu", "Dana", "Deborah", "Eitan",
        "Esther", "Fatima", "Frances", "George", "Gwen", "Hassan", "Ifeoma", "Ingrid", "Jonah", "Joy",
        "Kieran", "Lena", "Liam", "Malika", "Morag", "Nathan", "Noor", "Orla", "Patrick", "Rosa",
        "Sanjay", "Shona", "Tariq", "Theresa", "Uche", "Vikram", "Wendy", "Xavier", "Yusuf", "Zara",
    ];

    private static readonly string[] FamilyNames =
    [
        "Abbott", "Acheampong", "Bakshi", "Barnes", "Byrne", "Castillo", "Chowdhury", "Coleman", "Dalton", "Das",
        "Ellis", "Eze", "Farrell", "Fernandes", "Gordon", "Gupta", "Hartley", "Hewitt", "Ibrahim", "Jarvis",
        "Kapoor", "Kennedy", "Lambert", "Lowe", "Mahmood", "Mills", "Nash", "Nnamdi", "Oakley", "O'Brien",
        "Pearce", "Qureshi", "Rowe", "Sandhu", "Sutton", "Tan", "Udeh", "Vaughan", "Webb", "Yildiz",
    ];

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    private SyntheticRegister(IReadOnlyList<AuthorityReference> authorities, IReadOnlyList<Row> rows, int people)
    {
        Authorities = authorities;
        _rows = rows;
        People = people;
        Appointments = [.. rows.Select(r => new AppointmentFact(r.Authority.Code, r.PersonId, r.Type, r.Start, r.End, r.Reason, r.Unplanned))];
    }

    private readonly IReadOnlyList<Row> _rows;

    /// <summary>The authorities the appointments are spread over (in operation at some point up to <see cref="Today"/>).</summary>
    public IReadOnlyList<AuthorityReference> Authorities { get; }

    /// <summary>Every appointment, in file order (by authority, then start).</summary>
    public IReadOnlyList<AppointmentFact> Appointments { get; }

    /// <summary>How many distinct people hold the appointments.</summary>
    public int People { get; }

    /// <summary>How many appointments are open (the director is still in post).</summary>
    public int InPost => _rows.Count(r => r.End is null);

    public IReadOnlyList<AuthorityFact> AuthorityFacts => [.. Authorities.Select(a => a.ToFact())];

    public static SyntheticRegister Generate(int size = DefaultSize, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var rng = new Random(seed);
        var authorities = AuthorityReferenceData.LoadEmbedded().Authorities
            .Where(a => (a.Period.From ?? EarliestStart) <= Today)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .ToArray();

        var windows = authorities.Select(a =>
        {
            var first = a.Period.From is { } from && from > EarliestStart ? from : EarliestStart;
            var last = a.Period.To is { } to && to < Today ? to : Today;
            return (First: first, Last: last, Days: Period.DaysBetween(first, last) + 1);
        }).ToArray();
        var counts = Allocate(size, [.. windows.Select(w => (long)w.Days)]);

        var slots = new List<Row>(size);
        for (var i = 0; i < authorities.Length; i++)
        {
            slots.AddRange(Lay(authorities[i], windows[i].First, windows[i].Last, counts[i], rng));
        }
        var people = AssignPeople(slots, rng);
        return new SyntheticRegister(authorities, slots, people);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainder), at least 1 each.</summary>
    private static int[] Allocate(int total, long[] weights)
    {
        var sum = weights.Sum();
        var counts = weights.Select(w => Math.Max(1, (int)(total * w / sum))).ToArray();
        var order = weights.Select((w, i) => (Remainder: total * w % sum, Index: i)).OrderByDescending(p => p.Remainder).ThenBy(p => p.Index).ToArray();
        for (var k = 0; counts.Sum() < total; k = (k + 1) % order.Length)
        {
            counts[order[k].Index]++;
        }
        for (var k = 0; counts.Sum() > total; k = (k + 1) % order.Length)
        {
            if (counts[order[^(k + 1)].Index] > 1)
            {
                counts[order[^(k + 1)].Index]--;
            }
        }
        return counts;
    }

    /// <summary>One authority's appointments, back to back (with occasional vacancies) from <paramref name="first"/> to <paramref name="last"/>.</summary>
    private static List<Row> Lay(AuthorityReference authority, LocalDate first, LocalDate last, int count, Random rng)
    {
        var abolished = authority.Period.To is not null;
        var openAtEnd = !abolished && rng.NextDouble() < 0.88;

        // Types first: an interim or acting director is sometimes made permanent, and then carries straight on.
        var types = new AppointmentType[count];
        var madePermanent = new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && madePermanent[i - 1])
            {
                types[i] = AppointmentType.Permanent;
                continue;
            }
            var u = rng.NextDouble();
            types[i] = u < 0.58 ? AppointmentType.Permanent : u < 0.9 ? AppointmentType.Interim : AppointmentType.Acting;
            madePermanent[i] = types[i] != AppointmentType.Permanent && i < count - 1 && rng.NextDouble() < 0.3;
        }

        // Vacancies before some appointments, and after the last one where nobody is in post today.
        var gaps = new int[count];
        for (var i = 1; i < count; i++)
        {
            gaps[i] = madePermanent[i - 1] || rng.NextDouble() < 0.75 ? 0 : 1 + rng.Next(45);
        }
        var trailing = !abolished && !openAtEnd ? 1 + rng.Next(90) : 0;
        var days = Period.DaysBetween(first, last) + 1;
        var gapDays = gaps.Sum() + trailing;
        if (gapDays > days / 5)
        {
            // A short window: fewer, shorter vacancies.
            for (var i = 0; i < count; i++)
            {
                gaps[i] = gaps[i] * (days / 5) / Math.Max(1, gapDays);
            }
            trailing = trailing * (days / 5) / Math.Max(1, gapDays);
            gapDays = gaps.Sum() + trailing;
        }

        // Lengths: log-normal weights (many short interims, some long permanent posts) scaled to fill the window.
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            weights[i] = Math.Exp(0.7 * gaussian) * (types[i] == AppointmentType.Permanent ? 2.5 : 1.0);
        }
        var available = days - gapDays;
        if (available < count)
        {
            throw new InvalidOperationException($"{authority.Name} cannot hold {count} appointments in {days} days.");
        }
        var totalWeight = weights.Sum();
        var lengths = weights.Select(w => Math.Max(1, (int)(w / totalWeight * (available - count)) + 1)).ToArray();

        var rows = new List<Row>(count);
        var cursor = first;
        for (var i = 0; i < count; i++)
        {
            var start = cursor.PlusDays(gaps[i]);
            LocalDate? end = start.PlusDays(lengths[i] - 1);
            var isLast = i == count - 1;
            if (isLast && abolished)
            {
                end = last; // the post ends with the authority
            }
            else if (isLast && openAtEnd)
            {
                end = null;
            }
            else if (end > last)
            {
                end = last;
            }
            var (reason, unplanned) = end is null ? ((LeavingReason?)null, (bool?)null)
                : isLast && abolished ? (LeavingReason.Restructure, false)
                : madePermanent[i] ? (LeavingReason.MadePermanent, false)
                : Leaving(types[i], rng);
            rows.Add(new Row(authority, i > 0 && madePermanent[i - 1], types[i], start, end, reason, unplanned, rng.NextDouble() < 0.1));
            cursor = (end ?? last).PlusDays(1);
        }
        return rows;
    }

    private static (LeavingReason, bool) Leaving(AppointmentType type, Random rng)
    {
        var u = rng.NextDouble();
        var reason = type == AppointmentType.Permanent
            ? u switch
            {
                < 0.24 => LeavingReason.Retired,
                < 0.48 => LeavingReason.MovedToAnotherDcsPost,
                < 0.58 => LeavingReason.Promoted,
                < 0.74 => LeavingReason.Resigned,
                < 0.79 => LeavingReason.Dismissed,
                < 0.84 => LeavingReason.IllHealth,
                < 0.88 => LeavingReason.Restructure,
                _ => LeavingReason.Other,
            }
            : u switch
            {
                < 0.65 => LeavingReason.EndOfInterim,
                < 0.8 => LeavingReason.MovedToAnotherDcsPost,
                < 0.9 => LeavingReason.Resigned,
                _ => LeavingReason.Other,
            };
        var unplanned = reason switch
        {
            LeavingReason.Resigned or LeavingReason.Dismissed or LeavingReason.IllHealth => rng.NextDouble() < 0.9,
            LeavingReason.MovedToAnotherDcsPost => rng.NextDouble() < 0.2,
            LeavingReason.Other => rng.NextDouble() < 0.5,
            _ => false,
        };
        return (reason, unplanned);
    }

    /// <summary>
    /// Gives every appointment a person, in date order across all authorities: a director made permanent carries on;
    /// otherwise, often, someone who left another post earlier (never someone still in post); otherwise a new person.
    /// </summary>
    private static int AssignPeople(List<Row> rows, Random rng)
    {
        var people = 0;
        var available = new PriorityQueue<string, (LocalDate From, int Order)>();
        var previousInAuthority = new Dictionary<string, Row>(StringComparer.Ordinal);
        var order = rows.Select((r, i) => (Row: r, Index: i))
            .OrderBy(p => p.Row.Start).ThenBy(p => p.Row.Authority.Code, StringComparer.Ordinal).Select(p => p.Index).ToArray();
        var leavers = 0;
        foreach (var index in order)
        {
            var row = rows[index];
            if (row.SamePersonAsPrevious)
            {
                row.PersonId = previousInAuthority[row.Authority.Code].PersonId;
            }
            else if (available.TryPeek(out var returning, out var free) && free.From <= row.Start && rng.NextDouble() < 0.65)
            {
                available.Dequeue();
                row.PersonId = returning;
            }
            else
            {
                row.PersonId = $"SYN{++people:D6}";
            }
            previousInAuthority[row.Authority.Code] = row;
            if (row is { End: { } end, Reason: not (LeavingReason.MadePermanent or LeavingReason.Retired or LeavingReason.Dismissed or LeavingReason.IllHealth) })
            {
                available.Enqueue(row.PersonId, (end.PlusDays(1 + rng.Next(120)), leavers++));
            }
        }
        return people;
    }

    /// <summary>The register in the import format (<c>la_code,...,unplanned,email</c>), UTF-8 text with LF line ends.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder(_rows.Count * 110);
        csv.Append("la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned,email\n");
        foreach (var row in _rows)
        {
            var number = int.Parse(row.PersonId.AsSpan(3), CultureInfo.InvariantCulture);
            var given = GivenNames[number % GivenNames.Length];
            var family = FamilyNames[number / GivenNames.Length % FamilyNames.Length];
            var laCode = row.UseGssCode && row.Authority.GssCodes.Count > 0 ? row.Authority.GssCodes[^1].Code : row.Authority.Code;
            csv.Append(laCode).Append(',')
                .Append(row.PersonId).Append(',')
                .Append(given).Append(',')
                .Append(family).Append(',')
                .Append(row.Type.ToCode()).Append(',')
                .Append(IsoDate.Format(row.Start)).Append(',')
                .Append(row.End is { } end ? IsoDate.Format(end) : "").Append(',')
                .Append(row.Reason?.ToCode() ?? "").Append(',')
                .Append(row.Unplanned is { } u ? (u ? "yes" : "no") : "").Append(',');
            if (number % 2 == 0)
            {
                csv.Append(given.ToLowerInvariant()).Append('.').Append(family.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal))
                    .Append('.').Append(number.ToString(CultureInfo.InvariantCulture)).Append("@example.org");
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private sealed class Row(AuthorityReference authority, bool samePersonAsPrevious, AppointmentType type, LocalDate start, LocalDate? end, LeavingReason? reason, bool? unplanned, bool useGssCode)
    {
        public AuthorityReference Authority { get; } = authority;
        public bool SamePersonAsPrevious { get; } = samePersonAsPrevious;
        public AppointmentType Type { get; } = type;
        public LocalDate Start { get; } = start;
        public LocalDate? End { get; } = end;
        public LeavingReason? Reason { get; } = reason;
        public bool? Unplanned { get; } = unplanned;
        public bool UseGssCode { get; } = useGssCode;
        public string PersonId { get; set; } = "";
    }
}
