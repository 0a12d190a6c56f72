using NodaTime;

namespace Upon.Shared.Privacy;

/// <summary>
/// Every feature's programme activity (<see cref="IProgrammeActivity"/>) by address, for a retention rule about people
/// known only by their address (a coach, a reviewer, someone invited or imported): such a person is kept while anything
/// of theirs goes on, and until the data map's period has passed since their last activity anywhere. A retention run
/// reads it once (<see cref="RetentionContext.Activity"/>) for every rule.
/// </summary>
public sealed class ActivityByEmail
{
    private readonly Dictionary<string, (LocalDate Last, bool Current)> _byEmail = new(StringComparer.Ordinal);

    private ActivityByEmail(IReadOnlyList<PersonActivity> all)
    {
        All = all;
        foreach (var a in all)
        {
            if (a.LowerEmail is { } email)
            {
                _byEmail[email] = _byEmail.TryGetValue(email, out var was) ? (LocalDate.Max(was.Last, a.Last), was.Current || a.Current) : (a.Last, a.Current);
            }
        }
    }

    /// <summary>Every source's activity as it gave it (by participant record or by address), for the participants' rule.</summary>
    public IReadOnlyList<PersonActivity> All { get; }

    public static async Task<ActivityByEmail> ReadAsync(IEnumerable<IProgrammeActivity> sources, LocalDate today, CancellationToken cancellationToken)
    {
        var all = new List<PersonActivity>();
        foreach (var source in sources)
        {
            all.AddRange(await source.ActivityAsync(today, cancellationToken));
        }
        return new ActivityByEmail(all);
    }

    /// <summary>
    /// Whether the person at <paramref name="email"/> (compared without case; none for a record with no address), whose
    /// own records last changed on <paramref name="last"/>, has nothing going on now and no activity on or after
    /// <paramref name="since"/>.
    /// </summary>
    public bool QuietBefore(string? email, LocalDate last, LocalDate since)
    {
        if (email is not null && _byEmail.TryGetValue(email.ToLowerInvariant(), out var theirs))
        {
            if (theirs.Current)
            {
                return false;
            }
            last = LocalDate.Max(last, theirs.Last);
        }
        return last < since;
    }
}
