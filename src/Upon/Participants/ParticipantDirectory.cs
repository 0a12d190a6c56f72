using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Participants;

/// <summary>What staff search participants by; every part is optional.</summary>
/// <param name="Text">Part of a name or an email address, in any case.</param>
public sealed record ParticipantSearch(string? Text, int? StrandId, int? CohortId, ParticipantStatus? Status);

/// <summary>A participant in the list, with their status today and their attendance so far.</summary>
public sealed record ParticipantListItem(Participant Participant, ParticipantStatus Status, AttendanceGroupRow Attendance, bool MissedTwoInARow);

/// <summary>The participants found, and how many of those matching the text, strand and cohort have each status.</summary>
public sealed record ParticipantList(IReadOnlyList<ParticipantListItem> Items, IReadOnlyDictionary<ParticipantStatus, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>Staff's list of participants: search, filters, status counts and each person's attendance rate.</summary>
public sealed class ParticipantDirectory(UponDbContext db, AttendanceQueries attendance, IClock clock)
{
    public async Task<ParticipantList> SearchAsync(ParticipantSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = db.Participants.AsNoTracking()
            .Include(p => p.Enrolments).ThenInclude(e => e.Strand)
            .Include(p => p.Enrolments).ThenInclude(e => e.Cohort)
            .AsQueryable();
        if (search.Text?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
#pragma warning disable CA1862 // EF Core translates ToLower() and Contains to SQL; the StringComparison overloads have no translation.
            query = query.Where(p => (p.GivenName + " " + p.FamilyName).ToLower().Contains(text) || p.Email.ToLower().Contains(text));
#pragma warning restore CA1862
        }
        if (search.StrandId is { } strandId)
        {
            query = query.Where(p => p.Enrolments.Any(e => e.StrandId == strandId));
        }
        if (search.CohortId is { } cohortId)
        {
            query = query.Where(p => p.Enrolments.Any(e => e.CohortId == cohortId));
        }
        var found = await query.ToListAsync(cancellationToken);
        var today = clock.TodayInLondon();
        var withStatus = found.Select(p => (Participant: p, Status: ParticipantStatuses.Of(p.Enrolments, today))).ToList();
        var counts = ParticipantStatuses.All.ToDictionary(s => s, s => withStatus.Count(p => p.Status == s));
        var shown = withStatus
            .Where(p => search.Status is null || p.Status == search.Status)
            .OrderBy(p => p.Participant.FamilyName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.Participant.GivenName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.Participant.Id)
            .ToList();
        var facts = await attendance.MarkedFactsAsync([.. shown.Select(p => p.Participant.Id)], cancellationToken);
        var items = shown.Select(p =>
        {
            var mine = facts[p.Participant.Id].ToList();
            return new ParticipantListItem(p.Participant, p.Status, AttendanceFigures.Total(mine), AttendanceFigures.MissedTwoInARow(mine).Count > 0);
        }).ToList();
        return new ParticipantList(items, counts);
    }

    /// <summary>One participant with their enrolments, account and register entry, or null.</summary>
    public Task<Participant?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Participants.AsNoTracking()
            .Include(p => p.Enrolments).ThenInclude(e => e.Strand)
            .Include(p => p.Enrolments).ThenInclude(e => e.Cohort)
            .Include(p => p.User)
            .Include(p => p.Person)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>The participant's places on sessions not yet over (seats and the waiting list), soonest first, with apologies sent for them.</summary>
    public async Task<IReadOnlyList<UpcomingPlace>> UpcomingAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Session).ThenInclude(s => s!.Strand)
            .Where(b => b.ParticipantId == participantId && b.Status != BookingStatus.Cancelled && b.Session!.EndUtc > now)
            .ToListAsync(cancellationToken);
        var places = new List<UpcomingPlace>();
        foreach (var booking in bookings)
        {
            int? position = booking.Status == BookingStatus.Waitlisted
                ? 1 + await db.Bookings.CountAsync(b => b.SessionId == booking.SessionId && b.Status == BookingStatus.Waitlisted && b.Queue < booking.Queue, cancellationToken)
                : null;
            places.Add(new UpcomingPlace(booking.Session!, booking.Status, position, null));
        }
        var apologies = await db.Apologies.AsNoTracking().Include(a => a.Session).ThenInclude(s => s!.Strand)
            .Where(a => a.ParticipantId == participantId && a.Session!.EndUtc > now)
            .ToListAsync(cancellationToken);
        places.AddRange(apologies.Where(a => places.All(p => p.Session.Id != a.SessionId)).Select(a => new UpcomingPlace(a.Session!, null, null, a.Reason)));
        return [.. places.OrderBy(p => p.Session.StartUtc)];
    }
}

/// <summary>A session not yet over that someone holds a seat or a place in the queue on, or has sent apologies for.</summary>
/// <param name="Booking">Booked or waitlisted; null for apologies.</param>
/// <param name="WaitingPosition">1 for the first person waiting.</param>
/// <param name="Apologies">The reason given, when they sent apologies.</param>
public sealed record UpcomingPlace(Session Session, BookingStatus? Booking, int? WaitingPosition, string? Apologies);
