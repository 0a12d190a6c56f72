using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Email;
using Upon.Participants;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>
/// Seeding strands, sessions, participants and bookings straight through the database (bookings belong to another
/// service), filling in the session forms, and reading back sessions and the outbox.
/// </summary>
internal static class SessionTesting
{
    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh strand of its own, so that a test's lists and clashes are not disturbed by other tests.</summary>
    public static Task<Strand> AddStrandAsync(this UponApp app, string name = "Test strand", bool hasCohorts = false) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var strand = new Strand { Slug = $"test-{Guid.NewGuid():N}"[..20], Name = $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)], HasCohorts = hasCohorts, DisplayOrder = 100 };
            db.Strands.Add(strand);
            await db.SaveChangesAsync();
            return strand;
        });

    public static Task<Cohort> AddCohortAsync(this UponApp app, int strandId, string name) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var cohort = new Cohort { StrandId = strandId, Name = name, StartsOn = new LocalDate(2026, 9, 1), EndsOn = new LocalDate(2027, 7, 31) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort;
        });

    /// <summary>A scheduled session straight in the database.</summary>
    public static Task<Session> AddSessionAsync(
        this UponApp app, int strandId, LocalDateTime start, LocalDateTime end, string title = "Leading through inspection",
        int capacity = 20, string? venue = null, string? videoLink = "https://meet.example.org/abc-defg-hij",
        SessionType type = SessionType.VirtualWorkshop, int? cohortId = null, SessionStatus status = SessionStatus.Scheduled) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var session = new Session
            {
                Uid = SessionSchedule.NewUid(), StrandId = strandId, CohortId = cohortId, Title = title, Type = type, Capacity = capacity,
                Venue = venue, VideoLink = videoLink, Status = status, MovedOnline = status == SessionStatus.MovedOnline, CreatedAt = app.Clock.GetCurrentInstant(), UpdatedAt = app.Clock.GetCurrentInstant(),
            };
            SessionSchedule.SetTimes(session, start, end);
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session;
        });

    /// <summary>Participants with unique addresses at example.org, <paramref name="booked"/> booked and <paramref name="waiting"/> waiting in order.</summary>
    public static Task<List<Participant>> BookAsync(this UponApp app, int sessionId, int booked, int waiting = 0, string name = "Person") =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var people = Enumerable.Range(1, booked + waiting).Select(i => new Participant
            {
                GivenName = $"{name}{Invariant(i)}",
                FamilyName = "Example",
                Email = $"{name.ToLowerInvariant()}{Invariant(i)}.{Guid.NewGuid():N}@example.org",
                CreatedAt = now,
            }).ToList();
            db.Participants.AddRange(people);
            await db.SaveChangesAsync();
            db.Bookings.AddRange(people.Select((p, i) => new Booking
            {
                SessionId = sessionId,
                ParticipantId = p.Id,
                Status = i < booked ? BookingStatus.Booked : BookingStatus.Waitlisted,
                Queue = i + 1,
                RequestedAt = now.Plus(Duration.FromMinutes(i)),
                BookedAt = i < booked ? now.Plus(Duration.FromMinutes(i)) : null,
            }));
            await db.SaveChangesAsync();
            return people;
        });

    public static Task<Session> SessionAsync(this UponApp app, int id) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Sessions.AsNoTracking().SingleAsync(x => x.Id == id));

    public static Task<List<Session>> SessionsOfAsync(this UponApp app, int strandId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Sessions.AsNoTracking().Where(x => x.StrandId == strandId).OrderBy(x => x.StartUtc).ToListAsync());

    /// <summary>The messages in the outbox to any of these addresses.</summary>
    public static Task<List<OutboxMessage>> OutboxToAsync(this UponApp app, IEnumerable<string> addresses)
    {
        var list = addresses.ToList();
        return app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().Where(m => list.Contains(m.To)).OrderBy(m => m.Id).ToListAsync());
    }

    /// <summary>The value of a strand (or cohort) in the strand or cohort select.</summary>
    public static string Group(int strandId, int? cohortId = null) => SessionGroup.ValueOf(strandId, cohortId);

    /// <summary>The session form filled in with a valid two-hour virtual workshop on <paramref name="date"/>.</summary>
    public static Dictionary<string, string> SessionFields(string group, LocalDate date, string start = "14:00", string end = "16:00", string title = "Leading through inspection") => new()
    {
        ["Title"] = title,
        ["Type"] = "virtual-workshop",
        ["Group"] = group,
        ["Date.day"] = Invariant(date.Day),
        ["Date.month"] = Invariant(date.Month),
        ["Date.year"] = Invariant(date.Year),
        ["StartTime"] = start,
        ["EndTime"] = end,
        ["EndDate.day"] = "",
        ["EndDate.month"] = "",
        ["EndDate.year"] = "",
        ["Capacity"] = "20",
        ["Venue"] = "",
        ["VideoLink"] = "https://meet.example.org/abc-defg-hij",
        ["Facilitators"] = "A Facilitator",
        ["Description"] = "What to expect.",
    };

    public static void SetDate(this Dictionary<string, string> fields, string name, LocalDate? date)
    {
        fields[$"{name}.day"] = date is { } d ? Invariant(d.Day) : "";
        fields[$"{name}.month"] = date is { } m ? Invariant(m.Month) : "";
        fields[$"{name}.year"] = date is { } y ? Invariant(y.Year) : "";
    }

    public static IReadOnlyList<string?> ErrorLinks(this AngleSharp.Dom.IDocument document) =>
        [.. document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href"))];

    public static string Text(this AngleSharp.Dom.IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    /// <summary>The id at the end of a redirect to a session's page (<c>/sessions/12</c>).</summary>
    public static int SessionIdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        Assert.StartsWith("/sessions/", location, StringComparison.Ordinal);
        return int.Parse(location["/sessions/".Length..], CultureInfo.InvariantCulture);
    }
}
