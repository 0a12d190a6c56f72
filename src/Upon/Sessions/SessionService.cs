using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Email;

namespace Upon.Sessions;

/// <summary>What a form gives to create or change a session. Times are wall-clock times in London.</summary>
public sealed record SessionDetails(
    string Title,
    SessionType Type,
    int StrandId,
    int? CohortId,
    LocalDateTime Start,
    LocalDateTime End,
    int Capacity,
    string? Venue,
    string? VideoLink,
    bool CircumstancesPermitting,
    string? Facilitators,
    string? Description);

/// <summary>
/// Creates, edits and bulk-creates sessions. Errors are keyed by the form field they belong to (<c>Group</c>,
/// <c>StartTime</c>, <c>EndTime</c>, <c>Capacity</c>). Editing the time, place, link or title of a session raises its
/// iCalendar SEQUENCE and emails everyone booked or waiting, in the same transaction.
/// </summary>
public sealed class SessionService(UponDbContext db, BookingService bookings, IOptions<EmailOptions> email, ILogger<SessionService> logger)
{
    /// <summary>Why a cancelled session's details cannot be edited.</summary>
    public const string CancelledCannotChange = "This session has been cancelled, so it cannot be changed";

    /// <summary>Creates a scheduled session with a new UID.</summary>
    public async Task<SaveResult> CreateAsync(SessionDetails details, CancellationToken cancellationToken = default)
    {
        var created = await CreateManyAsync([details], cancellationToken);
        return created.Succeeded ? SaveResult.Saved(created.Ids[0]) : SaveResult.Failed(created.Errors);
    }

    /// <summary>Creates every session, all in one transaction, or none if any has a problem.</summary>
    public async Task<SessionsCreated> CreateManyAsync(IReadOnlyList<SessionDetails> sessions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            return new SessionsCreated([], new Dictionary<string, string> { [""] = "There are no sessions to create" });
        }
        foreach (var group in sessions.Select(d => (d.StrandId, d.CohortId)).Distinct())
        {
            if (await CheckGroupAsync(group.StrandId, group.CohortId, cancellationToken) is { } problem)
            {
                return new SessionsCreated([], new Dictionary<string, string> { ["Group"] = problem });
            }
        }
        foreach (var details in sessions)
        {
            var errors = Check(details);
            if (errors.Count > 0)
            {
                return new SessionsCreated([], errors);
            }
        }
        var now = db.Clock.GetCurrentInstant();
        var created = sessions.Select(details =>
        {
            var session = new Session
            {
                Uid = SessionSchedule.NewUid(),
                Title = details.Title,
                Status = SessionStatus.Scheduled,
                Sequence = 0,
                CreatedAt = now,
                UpdatedAt = now,
            };
            Apply(session, details);
            return session;
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Sessions.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SessionsCreated([.. created.Select(s => s.Id)], new Dictionary<string, string>());
    }

    /// <summary>
    /// Changes a session's details, keeping its status. The capacity cannot go below the number already booked. A change
    /// to the time, place, video link or title raises the SEQUENCE and, while the session has not ended, emails everyone
    /// booked or waiting with the old and new values. A cancelled session is refused (an error with the empty key) and
    /// nothing is written.
    /// </summary>
    public async Task<SaveResult> EditAsync(int id, SessionDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = Check(details);
        if (await CheckGroupAsync(details.StrandId, details.CohortId, cancellationToken) is { } problem)
        {
            errors["Group"] = problem;
        }
        if (errors.Count > 0)
        {
            return SaveResult.Failed(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await SessionSchedule.LockAsync(db, id, cancellationToken))
        {
            throw new KeyNotFoundException($"Session {id} does not exist.");
        }
        var session = await db.Sessions.SingleAsync(s => s.Id == id, cancellationToken);
        if (session.Status == SessionStatus.Cancelled)
        {
            return SaveResult.Failed("", CancelledCannotChange);
        }
        var booked = await db.Bookings.CountAsync(b => b.SessionId == id && b.Status == BookingStatus.Booked, cancellationToken);
        if (details.Capacity < booked)
        {
            return SaveResult.Failed("Capacity", $"{SessionFormat.People(booked)} {(booked == 1 ? "is" : "are")} booked, so the capacity must be at least {booked}. To offer fewer places, cancel bookings first");
        }

        var before = Snapshot.Of(session);
        Apply(session, details);
        var changes = before.ChangesTo(session);
        var emailed = 0;
        if (changes.Count > 0)
        {
            var now = db.Clock.GetCurrentInstant();
            session.Sequence++;
            session.ChangeNote = Truncate($"Changed on {SessionFormat.At(now)}: {string.Join(", ", changes.Select(c => c.What.ToLowerInvariant()))}.", Session.MaxChangeNoteLength);
            if (Instant.Max(before.EndUtc, session.EndUtc) > now)
            {
                var recipients = await SessionNotices.RecipientsAsync(db, id, cancellationToken);
                emailed = SessionNotices.Enqueue(db, session, recipients, new SessionNotice(
                    $"Changed: {session.Title}, {SessionFormat.When(before.Start, before.End)}",
                    $"{before.Title} on {SessionFormat.When(before.Start, before.End)} has changed.",
                    changes,
                    Reason: null), BookingEmails.OrganizerOf(email.Value), logger);
            }
        }
        session.UpdatedAt = db.Clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        // More places: the first people waiting get them at once, and are told.
        if (session.Capacity > booked && (await bookings.PromoteLockedAsync(session, cancellationToken)).Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Saved(id, emailed);
    }

    /// <summary>Why a session cannot be for this strand and cohort (one missing, or the cohort of another strand), or null.</summary>
    private async Task<string?> CheckGroupAsync(int strandId, int? cohortId, CancellationToken cancellationToken)
    {
        var exists = cohortId is { } id
            ? await db.Cohorts.AnyAsync(c => c.Id == id && c.StrandId == strandId, cancellationToken)
            : await db.Strands.AnyAsync(s => s.Id == strandId, cancellationToken);
        return exists ? null : "Select the strand or cohort";
    }

    /// <summary>
    /// The checks of one session's own values, the same for the forms and the API: times that exist in London, the end
    /// after the start, at most <see cref="SessionTimes.MaxDays"/> London days (the rule the calendar feeds keep), the
    /// capacity, a title, the lengths the database holds, and a video link that is an absolute https address. Keyed by
    /// the form's field names.
    /// </summary>
    private static Dictionary<string, string> Check(SessionDetails details)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (key, message) in SessionSchedule.Check(details.Start, details.End))
        {
            errors[key == "Start" ? "StartTime" : "EndTime"] = message;
        }
        if (details.End > details.Start && !SessionTimes.IsWithinMaxDays(details.Start.Date, details.End.Date))
        {
            errors["EndDate"] = SessionTimes.TooLong;
        }
        if (details.Capacity is < 1 or > Session.MaxCapacity)
        {
            errors["Capacity"] = $"Capacity must be between 1 and {Session.MaxCapacity:N0}";
        }
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            errors["Title"] = "Enter a title";
        }
        Length("Title", "Title", details.Title, Session.MaxTitleLength);
        Length("Venue", "Venue", details.Venue, Session.MaxVenueLength);
        Length("VideoLink", "Video link", details.VideoLink, Session.MaxVideoLinkLength);
        Length("Facilitators", "Facilitators", details.Facilitators, Session.MaxFacilitatorsLength);
        Length("Description", "Description", details.Description, Session.MaxDescriptionLength);
        if (details.VideoLink is { Length: > 0 } link && !errors.ContainsKey("VideoLink") && !VideoLinks.IsValid(link))
        {
            errors["VideoLink"] = VideoLinks.NotAWebAddress;
        }
        return errors;

        void Length(string key, string label, string? text, int max)
        {
            if (text is not null && text.Length > max)
            {
                errors[key] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label} must be {max:N0} characters or fewer");
            }
        }
    }

    private static void Apply(Session session, SessionDetails details)
    {
        session.Title = details.Title;
        session.Type = details.Type;
        session.StrandId = details.StrandId;
        session.CohortId = details.CohortId;
        SessionSchedule.SetTimes(session, details.Start, details.End);
        session.Capacity = details.Capacity;
        session.Venue = details.Venue;
        session.VideoLink = details.VideoLink;
        session.CircumstancesPermitting = details.CircumstancesPermitting;
        session.Facilitators = details.Facilitators;
        session.Description = details.Description;
    }

    internal static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    /// <summary>
    /// What people see of a session before a change, to say what changed: a stored video link that is not an https
    /// address was never emailed (<see cref="Session.UsableVideoLink"/>), so its correction reads as a link added. Where
    /// the session is held, as emails say it, is kept too: a new type alone can make a session with neither venue nor link
    /// online, or its place to be confirmed (<see cref="Session.HeldOnline"/>).
    /// </summary>
    private sealed record Snapshot(string Title, LocalDateTime Start, LocalDateTime End, Instant EndUtc, string? Venue, string? VideoLink,
        string Where, string WhereForWaiting)
    {
        public static Snapshot Of(Session s) => new(s.Title, s.Start, s.End, s.EndUtc, s.Venue, s.UsableVideoLink,
            SessionNotices.Where(s, waiting: false), SessionNotices.Where(s, waiting: true));

        public List<NoticeChange> ChangesTo(Session now)
        {
            var changes = new List<NoticeChange>();
            if (now.Title != Title)
            {
                changes.Add(new NoticeChange("Title", Title, now.Title));
            }
            if (now.Start != Start || now.End != End)
            {
                changes.Add(new NoticeChange("Time", SessionFormat.When(Start, End), SessionFormat.When(now.Start, now.End)));
            }
            if (now.Venue != Venue)
            {
                changes.Add(new NoticeChange("Venue", Venue ?? "none", now.Venue ?? "none"));
            }
            if (now.UsableVideoLink != VideoLink)
            {
                changes.Add(new NoticeChange("Video link", VideoLink ?? "none", now.UsableVideoLink ?? "none", HideFromWaiting: true));
            }
            if (now.Venue == Venue && now.UsableVideoLink == VideoLink && SessionNotices.Where(now, waiting: false) is var where && where != Where)
            {
                changes.Add(new NoticeChange("Where", Where, where, NowForWaiting: SessionNotices.Where(now, waiting: true), WasForWaiting: WhereForWaiting));
            }
            return changes;
        }
    }
}

/// <summary>The sessions a bulk creation made, in order, or the problems (nothing is created then).</summary>
public sealed record SessionsCreated(IReadOnlyList<int> Ids, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
