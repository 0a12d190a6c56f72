using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>Which sessions a list shows by time: those not yet ended, those ended, or all.</summary>
public enum SessionPeriod
{
    Upcoming,
    Past,
    All,
}

/// <summary>The staff list's filters; null means any.</summary>
public sealed record SessionFilter(int? StrandId = null, int? CohortId = null, SessionType? Type = null, SessionStatus? Status = null, SessionPeriod Period = SessionPeriod.Upcoming);

/// <summary>A session in a list, with its places taken and its waiting list.</summary>
public sealed record SessionRow(
    int Id, string Title, SessionType Type, int StrandId, string StrandName, string? CohortName,
    LocalDateTime Start, LocalDateTime End, SessionStatus Status, string Format, int Capacity, int Booked, int Waiting)
{
    public string Group => SessionFormat.Group(StrandName, CohortName);
}

/// <summary>A strand and its upcoming sessions, for the public pages.</summary>
public sealed record StrandSessions(Strand Strand, IReadOnlyList<SessionRow> Sessions);

/// <summary>Someone booked or waiting: <paramref name="Position"/> is their place on the waiting list, 0 when booked.</summary>
public sealed record SessionPerson(int BookingId, int ParticipantId, string Name, string Email, Instant Since, int Position);

/// <summary>Apologies someone sent for a session.</summary>
public sealed record SessionApology(int ParticipantId, string Name, string Email, string Reason, Instant SentAt);

/// <summary>Who is booked on a session, who is waiting (in order) and who sent apologies.</summary>
public sealed record SessionPeople(IReadOnlyList<SessionPerson> Booked, IReadOnlyList<SessionPerson> Waiting, IReadOnlyList<SessionApology> Apologies);

/// <summary>One choice of who a session is for: a whole strand, or one cohort of a strand.</summary>
public sealed record SessionGroup(string Value, string Text, int StrandId, int? CohortId)
{
    public static string ValueOf(int strandId, int? cohortId) =>
        cohortId is { } c ? FormattableString.Invariant($"cohort-{c}") : FormattableString.Invariant($"strand-{strandId}");
}

/// <summary>Reads sessions, strands and cohorts for the staff and public pages.</summary>
public sealed class SessionQueries(UponDbContext db)
{
    public Instant Now => db.Clock.GetCurrentInstant();

    /// <summary>Sessions matching the filter: upcoming soonest first, past most recent first.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(SessionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var query = db.Sessions.AsNoTracking();
        if (filter.StrandId is { } strandId)
        {
            query = query.Where(s => s.StrandId == strandId);
        }
        if (filter.CohortId is { } cohortId)
        {
            query = query.Where(s => s.CohortId == cohortId);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(s => s.Type == type);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }
        query = filter.Period switch
        {
            SessionPeriod.Upcoming => query.Where(s => s.EndUtc > now).OrderBy(s => s.StartUtc).ThenBy(s => s.Id),
            SessionPeriod.Past => query.Where(s => s.EndUtc <= now).OrderByDescending(s => s.StartUtc).ThenByDescending(s => s.Id),
            _ => query.OrderBy(s => s.StartUtc).ThenBy(s => s.Id),
        };
        return await RowsAsync(query, cancellationToken);
    }

    /// <summary>Every strand in display order with its upcoming sessions, cancelled ones included so people see them.</summary>
    public async Task<IReadOnlyList<StrandSessions>> UpcomingByStrandAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var strands = await StrandsAsync(cancellationToken);
        var rows = await RowsAsync(db.Sessions.AsNoTracking().Where(s => s.EndUtc > now).OrderBy(s => s.StartUtc).ThenBy(s => s.Id), cancellationToken);
        return [.. strands.Select(strand => new StrandSessions(strand, [.. rows.Where(r => r.StrandId == strand.Id)]))];
    }

    /// <summary>A session with its strand and cohort, or null.</summary>
    public Task<Session?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>How many are booked and waiting for a session.</summary>
    public async Task<(int Booked, int Waiting)> CountsAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var counts = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId)
            .GroupBy(b => b.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return (counts.SingleOrDefault(c => c.Status == BookingStatus.Booked)?.Count ?? 0,
            counts.SingleOrDefault(c => c.Status == BookingStatus.Waitlisted)?.Count ?? 0);
    }

    /// <summary>Who is booked (by when they booked), waiting (in queue order) and sent apologies for a session.</summary>
    public async Task<SessionPeople> PeopleAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId && b.Status != BookingStatus.Cancelled)
            .Select(b => new { b.Id, b.ParticipantId, b.Participant!.GivenName, b.Participant.FamilyName, b.Participant.Email, b.Status, b.Queue, b.RequestedAt, b.BookedAt })
            .ToListAsync(cancellationToken);
        var booked = bookings.Where(b => b.Status == BookingStatus.Booked)
            .OrderBy(b => b.BookedAt ?? b.RequestedAt).ThenBy(b => b.Id)
            .Select(b => new SessionPerson(b.Id, b.ParticipantId, $"{b.GivenName} {b.FamilyName}", b.Email, b.BookedAt ?? b.RequestedAt, 0));
        var waiting = bookings.Where(b => b.Status == BookingStatus.Waitlisted)
            .OrderBy(b => b.Queue).ThenBy(b => b.Id)
            .Select((b, i) => new SessionPerson(b.Id, b.ParticipantId, $"{b.GivenName} {b.FamilyName}", b.Email, b.RequestedAt, i + 1));
        var apologies = await db.Apologies.AsNoTracking().Where(a => a.SessionId == sessionId)
            .OrderBy(a => a.SentAt).ThenBy(a => a.Id)
            .Select(a => new { a.ParticipantId, a.Participant!.GivenName, a.Participant.FamilyName, a.Participant.Email, a.Reason, a.SentAt })
            .ToListAsync(cancellationToken);
        return new SessionPeople([.. booked], [.. waiting],
            [.. apologies.Select(a => new SessionApology(a.ParticipantId, $"{a.GivenName} {a.FamilyName}", a.Email, a.Reason, a.SentAt))]);
    }

    /// <summary>Every strand in display order, with its cohorts newest first.</summary>
    public async Task<IReadOnlyList<Strand>> StrandsAsync(CancellationToken cancellationToken = default)
    {
        var strands = await db.Strands.AsNoTracking().Include(s => s.Cohorts)
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        foreach (var strand in strands)
        {
            strand.Cohorts = [.. strand.Cohorts.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
        }
        return strands;
    }

    /// <summary>Who a session can be for: each strand, then each of its cohorts.</summary>
    public async Task<IReadOnlyList<SessionGroup>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        var groups = new List<SessionGroup>();
        foreach (var strand in await StrandsAsync(cancellationToken))
        {
            groups.Add(new SessionGroup(SessionGroup.ValueOf(strand.Id, null), strand.HasCohorts ? $"{strand.Name} (every cohort)" : strand.Name, strand.Id, null));
            groups.AddRange(strand.Cohorts.Select(c => new SessionGroup(SessionGroup.ValueOf(strand.Id, c.Id), SessionFormat.Group(strand.Name, c.Name), strand.Id, c.Id)));
        }
        return groups;
    }

    private static async Task<IReadOnlyList<SessionRow>> RowsAsync(IQueryable<Session> query, CancellationToken cancellationToken)
    {
        var rows = await query.Select(s => new
        {
            s.Id, s.Title, s.Type, s.StrandId, StrandName = s.Strand!.Name, CohortName = s.Cohort != null ? s.Cohort.Name : null,
            s.Start, s.End, s.Status, s.MovedOnline, s.Venue, s.VideoLink, s.CircumstancesPermitting, s.Capacity,
            Booked = s.Bookings.Count(b => b.Status == BookingStatus.Booked),
            Waiting = s.Bookings.Count(b => b.Status == BookingStatus.Waitlisted),
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SessionRow(r.Id, r.Title, r.Type, r.StrandId, r.StrandName, r.CohortName, r.Start, r.End, r.Status,
            SessionFormat.Format(r.MovedOnline, r.Type, r.Venue, r.VideoLink, r.CircumstancesPermitting),
            r.Capacity, r.Booked, r.Waiting))];
    }
}
