using System.Globalization;
using NodaTime;

namespace Upon.Core.Register;

/// <summary>An invented director in a <see cref="DemoRegister"/>, with an email address at the reserved domain example.org.</summary>
public sealed record DemoPerson(string PersonId, string GivenName, string FamilyName, string Email);

/// <summary>A made-up register of directors over real authorities, for demonstrations; see <see cref="DemoRegisterGenerator"/>.</summary>
public sealed record DemoRegister(IReadOnlyList<DemoPerson> People, IReadOnlyList<AppointmentFact> Appointments);

/// <summary>
/// Generates a deterministic, made-up but realistic register of Directors of Children's Services over the real
/// authorities, whose turnover figures (as <see cref="TurnoverCalculator"/> computes them) reproduce ADCS's published
/// series exactly (<see cref="AdcsSeries"/>).
/// </summary>
/// <remarks>
/// <para>
/// It works in three passes. <b>Layout</b> decides, financial year by financial year from 2005-06, exactly which
/// authorities have how many changes of director and on which days: the year's number of changes and of
/// authorities with a change are fixed (ADCS's figures, or plausible ones for other years), the authorities are
/// drawn with a weight that grows with the time their director has been in post, and an authority with two changes
/// in a year has an interim followed by a permanent director. <b>Dressing</b> turns each authority's timeline into
/// stints (appointment types, interims made permanent, short vacancies, leaving reasons). <b>People</b> assigns the
/// stints to invented people in date order: directors who leave for another DCS post start their next post within
/// four months, a director of an authority abolished in a reorganisation may lead its successor, retired directors
/// sometimes return as interims, and a few people hold two neighbouring authorities at once.
/// </para>
/// <para>
/// Authorities with no start bound get their first director on a day in 2005-2008; later ones on their first day.
/// An abolished authority's last appointment ends on its last day with <see cref="LeavingReason.Restructure"/>. An
/// authority that is due to end after <c>today</c> is treated as still operating. Only a seeded SplitMix64 generator is
/// used, never hash ordering or the clock, so equal arguments give equal registers.
/// </para>
/// </remarks>
public static class DemoRegisterGenerator
{
    /// <summary>The reserved domain used for every invented email address.</summary>
    public const string EmailDomain = "example.org";

    private static readonly LocalDate FirstDirectorsFrom = new(2005, 4, 1);
    private static readonly LocalDate FirstDirectorsBy = new(2008, 12, 31);

    // Plausible numbers of changes for 2005-06 .. 2016-17 (before ADCS's series); low at first while authorities
    // were still appointing their first directors. Each is varied by a few with the seed.
    private static readonly int[] EarlyChanges = [5, 18, 32, 40, 43, 48, 51, 46, 43, 49, 45, 52];
    private const int LaterChanges = 50;

    private const int MinDaysAfterFirstDirector = 270;
    private const int MinDaysBetweenChanges = 75;
    private const int NoChangeInLastDays = 90;
    private const int MinWindowForTwoChanges = 150;
    private const int MaxMoveGapDays = 120;
    private const int MinDaysBeforeReturning = 180;
    private const int MinDaysBetweenInterims = 14;
    private const int MaxSharedArrangements = 6;

    /// <summary>
    /// ADCS's published series, which the demo register reproduces exactly: financial year → (changes of director,
    /// authorities with at least one change, or null where ADCS did not publish it).
    /// </summary>
    public static IReadOnlyDictionary<string, (int Changes, int? AuthoritiesWithChange)> AdcsSeries { get; } =
        new Dictionary<string, (int Changes, int? AuthoritiesWithChange)>(StringComparer.Ordinal)
        {
            ["2017-18"] = (65, null),
            ["2018-19"] = (51, 40),
            ["2019-20"] = (57, 48),
            ["2020-21"] = (39, 34),
            ["2021-22"] = (47, 36),
            ["2022-23"] = (50, 42),
            ["2023-24"] = (62, 49),
            ["2024-25"] = (51, 39),
        }.AsReadOnly();

    /// <summary>
    /// Generates the register: appointments from 2005 up to <paramref name="today"/> over <paramref name="authorities"/>,
    /// and the invented people holding them. The same arguments always give the same register.
    /// </summary>
    public static DemoRegister Generate(IReadOnlyList<AuthorityReference> authorities, LocalDate today, int seed = 2026)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var ordered = authorities
            .GroupBy(a => a.Code, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .ToArray();

        var posts = Layout(ordered, today, new DemoRandom(seed, 1));
        Dress(posts, today, new DemoRandom(seed, 2));
        var people = AssignPeople(posts, new DemoRandom(seed, 3));
        return Emit(posts, people);
    }

    // ---- Layout: which authorities change director on which days ----

    private static List<Post> Layout(AuthorityReference[] authorities, LocalDate today, DemoRandom rng)
    {
        var posts = new List<Post>();
        var span = Period.DaysBetween(FirstDirectorsFrom, FirstDirectorsBy);
        foreach (var authority in authorities)
        {
            // Drawn for every authority, so that one authority more or less does not reshuffle the others.
            var propensity = Math.Exp(0.5 * rng.NextGaussian());
            var u = rng.NextDouble();
            if (FirstDay(authority, today, FirstDirectorsFrom.PlusDays((int)(span * u * u))) is { } first)
            {
                var post = new Post(authority, propensity);
                post.Starts.Add(first);
                posts.Add(post);
            }
        }

        var sharedGroups = 0;
        var lastYear = FinancialYear.Containing(today);
        for (var year = FinancialYear.Containing(FirstDirectorsFrom); year <= lastYear; year = year.Next())
        {
            var (changes, withChange) = Target(year, today, rng);
            var candidates = new List<Candidate>();
            foreach (var post in posts)
            {
                var gap = post.Starts.Count == 1 ? MinDaysAfterFirstDirector : MinDaysBetweenChanges;
                var from = LocalDate.Max(year.FirstDay, post.LastStart.PlusDays(gap));
                var to = LocalDate.Min(year.LastDay, today);
                if (post.EndsBy(today) is { } last)
                {
                    to = LocalDate.Min(to, last.PlusDays(-NoChangeInLastDays));
                }
                if (from <= to)
                {
                    var yearsInPost = Period.DaysBetween(post.LastStart, year.FirstDay) / 365.25;
                    candidates.Add(new Candidate(post, from, to, post.Propensity * Hazard(yearsInPost)));
                }
            }

            var doubles = Draw(
                [.. candidates.Where(c => Period.DaysBetween(c.From, c.To) >= MinWindowForTwoChanges)],
                Math.Max(0, changes - withChange), rng);
            var singles = Draw([.. candidates.Except(doubles)], Math.Max(0, withChange - doubles.Count), rng);

            foreach (var c in doubles)
            {
                var first = c.From.PlusDays(rng.Between(0, Period.DaysBetween(c.From, c.To) - 90));
                var second = first.PlusDays(rng.Between(90, Math.Min(240, Period.DaysBetween(first, c.To))));
                c.Post.InterimByDesign.Add(c.Post.Starts.Count);
                c.Post.Starts.Add(first);
                c.Post.Starts.Add(second);
            }

            var dates = singles.Select(c => c.From.PlusDays(rng.Between(0, Period.DaysBetween(c.From, c.To)))).ToArray();
            if (sharedGroups < MaxSharedArrangements && rng.Chance(0.35)
                && FindNeighbours(singles) is var (i, j))
            {
                var from = LocalDate.Max(singles[i].From, singles[j].From);
                var to = LocalDate.Min(singles[i].To, singles[j].To);
                dates[i] = dates[j] = from.PlusDays(rng.Between(0, Period.DaysBetween(from, to)));
                singles[i].Post.SharedGroupByStart[singles[i].Post.Starts.Count] = sharedGroups;
                singles[j].Post.SharedGroupByStart[singles[j].Post.Starts.Count] = sharedGroups;
                sharedGroups++;
            }
            for (var k = 0; k < singles.Count; k++)
            {
                singles[k].Post.Starts.Add(dates[k]);
            }
        }
        return posts;
    }

    /// <summary>The first director's first day, or null if the authority has no director in the demo's time.</summary>
    private static LocalDate? FirstDay(AuthorityReference authority, LocalDate today, LocalDate drawn)
    {
        var period = authority.Period;
        var earliest = period.From is { } from && from > FirstDirectorsFrom ? from : FirstDirectorsFrom;
        var latest = today;
        if (period.To is { } to && to <= today)
        {
            latest = LocalDate.Min(latest, to.PlusDays(-180));
        }
        if (earliest > today || period.To is { } end && earliest > end)
        {
            return null;
        }
        if (period.From is { } start && start >= FirstDirectorsFrom)
        {
            return start;
        }
        return drawn > latest ? LocalDate.Max(earliest, latest) : LocalDate.Max(earliest, drawn);
    }

    private static (int Changes, int WithChange) Target(FinancialYear year, LocalDate today, DemoRandom rng)
    {
        var noise = rng.Between(-3, 3);
        var ratio = 0.76 + (0.10 * rng.NextDouble());
        var index = year.StartYear - FirstDirectorsFrom.Year;
        double changes;
        double? withChange = null;
        if (AdcsSeries.TryGetValue(year.Label, out var adcs))
        {
            changes = adcs.Changes;
            withChange = adcs.AuthoritiesWithChange;
        }
        else if (index >= 0 && index < EarlyChanges.Length)
        {
            changes = EarlyChanges[index] + (index < 3 ? noise / 2 : noise);
        }
        else
        {
            changes = LaterChanges + noise;
        }

        if (today < year.LastDay)
        {
            var elapsed = (double)Math.Max(0, Period.DaysBetween(year.FirstDay, today) + 1) /
                (Period.DaysBetween(year.FirstDay, year.LastDay) + 1);
            changes *= elapsed;
            withChange *= elapsed;
        }
        var c = (int)Math.Round(changes, MidpointRounding.AwayFromZero);
        var a = withChange is { } w ? (int)Math.Round(w, MidpointRounding.AwayFromZero) : (int)Math.Round(c * ratio, MidpointRounding.AwayFromZero);
        return (c, Math.Clamp(a, (c + 1) / 2, c));
    }

    /// <summary>How much more likely a change is, by the years the director has been in post.</summary>
    private static double Hazard(double yearsInPost) => yearsInPost switch
    {
        < 0.75 => 0.2,
        < 1.5 => 0.6,
        < 3 => 1.0,
        _ => Math.Min(2.5, 1.0 + (0.12 * (yearsInPost - 3))),
    };

    private static List<Candidate> Draw(List<Candidate> pool, int count, DemoRandom rng)
    {
        var chosen = new List<Candidate>();
        while (chosen.Count < count && pool.Count > 0)
        {
            var r = rng.NextDouble() * pool.Sum(c => c.Weight);
            var k = 0;
            for (; k < pool.Count - 1; k++)
            {
                r -= pool[k].Weight;
                if (r < 0)
                {
                    break;
                }
            }
            chosen.Add(pool[k]);
            pool.RemoveAt(k);
        }
        return chosen;
    }

    /// <summary>Two authorities in one region, both changing director this year at a day they could share.</summary>
    private static (int, int)? FindNeighbours(List<Candidate> singles)
    {
        for (var i = 0; i < singles.Count; i++)
        {
            for (var j = i + 1; j < singles.Count; j++)
            {
                var (a, b) = (singles[i], singles[j]);
                if (a.Post.Authority.RegionCode.Length > 0
                    && string.Equals(a.Post.Authority.RegionCode, b.Post.Authority.RegionCode, StringComparison.Ordinal)
                    && LocalDate.Max(a.From, b.From) <= LocalDate.Min(a.To, b.To))
                {
                    return (i, j);
                }
            }
        }
        return null;
    }

    // ---- Dressing: stints, types, vacancies and leaving reasons ----

    private static void Dress(List<Post> posts, LocalDate today, DemoRandom rng)
    {
        foreach (var post in posts)
        {
            var ended = post.EndsBy(today);
            for (var k = 0; k < post.Starts.Count; k++)
            {
                var start = post.Starts[k];
                LocalDate? end = null;
                if (k < post.Starts.Count - 1)
                {
                    var next = post.Starts[k + 1];
                    end = next.PlusDays(-1);
                    if (rng.Chance(0.04))
                    {
                        var vacant = next.PlusDays(-1 - rng.Between(7, 42));
                        if (vacant >= start.PlusDays(30))
                        {
                            end = vacant;
                        }
                    }
                }
                else if (ended is { } last)
                {
                    end = last;
                }

                var stint = new Stint(post, k, start, end, post.SharedGroupByStart.GetValueOrDefault(k, -1));
                post.Stints.Add(stint);
                ChooseType(stint, post.InterimByDesign.Contains(k), today, rng);
                ChooseReason(stint, restructured: end is not null && k == post.Starts.Count - 1, rng);
            }
        }
    }

    private static void ChooseType(Stint stint, bool interimByDesign, LocalDate today, DemoRandom rng)
    {
        var days = Period.DaysBetween(stint.Start, stint.End ?? today) + 1;
        var r = rng.NextDouble();
        if (stint.Ordinal == 0 || stint.SharedGroup >= 0)
        {
            stint.Type = AppointmentType.Permanent;
        }
        else if (interimByDesign || (stint.End is not null && days < 180))
        {
            stint.Type = r < 0.82 ? AppointmentType.Interim : AppointmentType.Acting;
        }
        else if (days < 365)
        {
            var (interim, acting) = stint.End is null ? (0.35, 0.40) : (0.55, 0.65);
            stint.Type = r < interim ? AppointmentType.Interim : r < acting ? AppointmentType.Acting : AppointmentType.Permanent;
        }
        else
        {
            stint.Type = AppointmentType.Permanent;
            if (r < 0.18)
            {
                // An interim made permanent: the same person, the interim ending the day before the permanent post.
                stint.Type = AppointmentType.Interim;
                stint.PermanentFrom = stint.Start.PlusDays(rng.Between(90, Math.Min(300, days - 60)));
            }
        }
    }

    private static void ChooseReason(Stint stint, bool restructured, DemoRandom rng)
    {
        if (stint.End is not { } end)
        {
            return;
        }
        if (restructured)
        {
            (stint.Reason, stint.Unplanned) = (LeavingReason.Restructure, false);
            return;
        }

        var r = rng.NextDouble();
        var u = rng.NextDouble();
        if (stint.PermanentFrom is null && stint.Type is AppointmentType.Interim or AppointmentType.Acting)
        {
            stint.Reason = r < 0.86 ? LeavingReason.EndOfInterim : r < 0.92 ? LeavingReason.Resigned : LeavingReason.Other;
        }
        else
        {
            var years = Period.DaysBetween(stint.Start, end) / 365.25;
            var weights = years < 2 ? ShortStintReasons : LongStintReasons;
            var total = weights.Sum(w => w.Weight);
            var x = r * total;
            var reason = weights[^1].Reason;
            foreach (var (candidate, weight) in weights)
            {
                x -= weight;
                if (x < 0)
                {
                    reason = candidate;
                    break;
                }
            }
            stint.Reason = stint.SharedGroup >= 0 && reason == LeavingReason.MovedToAnotherDcsPost ? LeavingReason.Other : reason;
        }
        stint.Unplanned = stint.Reason switch
        {
            LeavingReason.Resigned or LeavingReason.Dismissed or LeavingReason.IllHealth => true,
            LeavingReason.Other => u < 0.4,
            _ => false,
        };
    }

    private static readonly (LeavingReason Reason, double Weight)[] ShortStintReasons =
    [
        (LeavingReason.Resigned, 28), (LeavingReason.MovedToAnotherDcsPost, 22), (LeavingReason.Retired, 10),
        (LeavingReason.Promoted, 12), (LeavingReason.Dismissed, 10), (LeavingReason.IllHealth, 6), (LeavingReason.Other, 12),
    ];

    private static readonly (LeavingReason Reason, double Weight)[] LongStintReasons =
    [
        (LeavingReason.Retired, 32), (LeavingReason.MovedToAnotherDcsPost, 22), (LeavingReason.Promoted, 14),
        (LeavingReason.Resigned, 14), (LeavingReason.Dismissed, 4), (LeavingReason.IllHealth, 5), (LeavingReason.Other, 9),
    ];

    // ---- People ----

    private static List<Person> AssignPeople(List<Post> posts, DemoRandom rng)
    {
        var stints = posts.SelectMany(p => p.Stints)
            .OrderBy(s => s.Start)
            .ThenBy(s => s.Post.Authority.Code, StringComparer.Ordinal)
            .ToList();
        var people = new List<Person>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var movers = new List<Stint>();
        var sharedPeople = new Dictionary<int, Person>();
        var carriedOver = new HashSet<Stint>();

        foreach (var stint in stints)
        {
            var code = stint.Post.Authority.Code;
            Person? person = null;
            if (stint.SharedGroup >= 0)
            {
                person = sharedPeople.GetValueOrDefault(stint.SharedGroup);
            }
            else if (stint.Ordinal == 0 && stint.Post.Authority.Period.From == stint.Start)
            {
                // A new authority: perhaps led by the last director of one it replaced.
                var predecessor = posts
                    .Where(p => p.Authority.Period.To is { } to && to.PlusDays(1) == stint.Start
                        && string.Equals(p.Authority.RegionCode, stint.Post.Authority.RegionCode, StringComparison.Ordinal))
                    .Select(p => p.Stints[^1])
                    .FirstOrDefault(s => s.Reason == LeavingReason.Restructure && s.SharedGroup < 0 && !carriedOver.Contains(s));
                if (rng.Chance(0.6) && predecessor?.Person is not null)
                {
                    carriedOver.Add(predecessor);
                    person = predecessor.Person;
                }
            }
            else if (stint.Ordinal > 0)
            {
                movers.RemoveAll(m => m.End!.Value.PlusDays(MaxMoveGapDays) < stint.Start);
                var wantsMover = stint.FinalType == AppointmentType.Permanent || rng.Chance(0.3);
                var mover = movers
                    .Where(m => m.End < stint.Start && !m.Person!.HasHeld(code))
                    .OrderBy(m => m.End)
                    .FirstOrDefault();
                if (wantsMover && mover is not null)
                {
                    movers.Remove(mover);
                    mover.MovedOn = true;
                    person = mover.Person;
                }
                else if (stint.Type == AppointmentType.Interim && rng.Chance(stint.PermanentFrom is null ? 0.6 : 0.25))
                {
                    // Interims are often experienced hands: directors between interim posts, or retired ones.
                    var returning = people.Where(p => p.CanReturnTo(code, stint.Start)).ToList();
                    if (returning.Count > 0)
                    {
                        person = returning[rng.Next(returning.Count)];
                    }
                }
            }

            if (person is null)
            {
                person = NewPerson(people.Count + 1, names, rng);
                people.Add(person);
            }
            if (stint.SharedGroup >= 0)
            {
                sharedPeople[stint.SharedGroup] = person;
            }
            stint.Person = person;
            person.Stints.Add(stint);
            if (stint.Reason == LeavingReason.MovedToAnotherDcsPost)
            {
                movers.Add(stint);
            }
        }

        // A director said to have moved whom no post took within four months was promoted out of DCS work instead.
        foreach (var stint in stints.Where(s => s.Reason == LeavingReason.MovedToAnotherDcsPost && !s.MovedOn))
        {
            stint.Reason = LeavingReason.Promoted;
        }
        return people;
    }

    private static Person NewPerson(int number, HashSet<string> names, DemoRandom rng)
    {
        string given, family;
        var attempts = 0;
        do
        {
            given = DemoNames.GivenNames[rng.Next(DemoNames.GivenNames.Count)];
            family = DemoNames.FamilyNames[rng.Next(DemoNames.FamilyNames.Count)];
        }
        while (!names.Add(given + " " + family) && ++attempts < 20);
        return new Person(number, given, family);
    }

    private static DemoRegister Emit(List<Post> posts, List<Person> people)
    {
        var appointments = new List<AppointmentFact>();
        foreach (var stint in posts.SelectMany(p => p.Stints))
        {
            var code = stint.Post.Authority.Code;
            var id = stint.Person!.Id;
            if (stint.PermanentFrom is { } permanent)
            {
                appointments.Add(new AppointmentFact(code, id, AppointmentType.Interim, stint.Start, permanent.PlusDays(-1), LeavingReason.MadePermanent, false));
                appointments.Add(new AppointmentFact(code, id, AppointmentType.Permanent, permanent, stint.End, stint.Reason, stint.Unplanned));
            }
            else
            {
                appointments.Add(new AppointmentFact(code, id, stint.Type, stint.Start, stint.End, stint.Reason, stint.Unplanned));
            }
        }
        return new DemoRegister(
            [.. people.Select(p => new DemoPerson(p.Id, p.GivenName, p.FamilyName, p.Email))],
            [.. appointments]);
    }

    // ---- Working types ----

    private sealed record Candidate(Post Post, LocalDate From, LocalDate To, double Weight);

    private sealed class Post(AuthorityReference authority, double propensity)
    {
        public AuthorityReference Authority { get; } = authority;

        /// <summary>How prone the authority is to changing director (a multiplier around 1).</summary>
        public double Propensity { get; } = propensity;

        /// <summary>The first day of each director in turn: the first director, then each change.</summary>
        public List<LocalDate> Starts { get; } = [];

        /// <summary>Indexes into <see cref="Starts"/> of the interims in an interim-then-permanent year.</summary>
        public HashSet<int> InterimByDesign { get; } = [];

        /// <summary>Indexes into <see cref="Starts"/> of shared arrangements, with their group.</summary>
        public Dictionary<int, int> SharedGroupByStart { get; } = [];

        public List<Stint> Stints { get; } = [];

        public LocalDate LastStart => Starts[^1];

        /// <summary>The authority's last day, if it ended on or before <paramref name="today"/>.</summary>
        public LocalDate? EndsBy(LocalDate today) => Authority.Period.To is { } to && to <= today ? to : null;
    }

    /// <summary>One person's unbroken time in one post (one appointment, or an interim then a permanent one).</summary>
    private sealed class Stint(Post post, int ordinal, LocalDate start, LocalDate? end, int sharedGroup)
    {
        public Post Post { get; } = post;
        public int Ordinal { get; } = ordinal;
        public LocalDate Start { get; } = start;
        public LocalDate? End { get; } = end;
        public int SharedGroup { get; } = sharedGroup;
        public AppointmentType Type { get; set; }
        public LocalDate? PermanentFrom { get; set; }
        public LeavingReason? Reason { get; set; }
        public bool? Unplanned { get; set; }
        public Person? Person { get; set; }
        public bool MovedOn { get; set; }

        public AppointmentType FinalType => PermanentFrom is null ? Type : AppointmentType.Permanent;
    }

    private sealed class Person(int number, string givenName, string familyName)
    {
        public string Id { get; } = "P" + number.ToString("D6", CultureInfo.InvariantCulture);
        public string GivenName { get; } = givenName;
        public string FamilyName { get; } = familyName;

        public string Email { get; } = string.Create(
            CultureInfo.InvariantCulture, $"{Slug(givenName)}.{Slug(familyName)}.{number}@{EmailDomain}");

        public List<Stint> Stints { get; } = [];

        public bool HasHeld(string code) => Stints.Exists(s => string.Equals(s.Post.Authority.Code, code, StringComparison.Ordinal));

        /// <summary>
        /// Whether they might take an interim post at <paramref name="code"/> starting on <paramref name="start"/>: out of
        /// post by then, a fortnight after an interim post ended or six months after retiring (or leaving otherwise).
        /// </summary>
        public bool CanReturnTo(string code, LocalDate start)
        {
            if (Stints.Count >= 5 || HasHeld(code) || !Stints.TrueForAll(s => s.End is not null))
            {
                return false;
            }
            var last = Stints.MaxBy(s => s.End)!;
            var rest = last.Reason switch
            {
                LeavingReason.EndOfInterim => MinDaysBetweenInterims,
                LeavingReason.Retired or LeavingReason.Other or LeavingReason.Restructure => MinDaysBeforeReturning,
                _ => -1,
            };
            return rest >= 0 && last.End!.Value.PlusDays(rest) <= start;
        }

        private static string Slug(string name) =>
            string.Concat(name.ToLowerInvariant().Where(char.IsAsciiLetterLower));
    }
}
