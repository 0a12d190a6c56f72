using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>The programme's JSON API: strands, sessions, participants and bookings.</summary>
public static class SessionsApi
{
    public sealed record CohortItem(int Id, string Name, string StartsOn, string EndsOn);

    public sealed record StrandItem(string Slug, string Name, string? Summary, bool HasCohorts, string CalendarUrl, IReadOnlyList<CohortItem> Cohorts);

    /// <param name="Online">
    /// Held online, as the pages and calendar feeds say: moved online, or planned with no venue and either a video link or
    /// a type held online (a virtual workshop, a webinar). False for a session whose place is to be confirmed (no venue, no
    /// link, a type held in person) as for one in person.
    /// </param>
    /// <param name="MovedOnline">Moved online from its venue; stays true when the session is postponed after, unlike <paramref name="Status"/>.</param>
    /// <param name="Venue">The venue planned, kept once the session has moved online.</param>
    /// <param name="VideoLink">Given to staff and to people with a place on the session; null for everyone else.</param>
    public sealed record SessionItem(
        int Id, string Uid, string Title, string Type, string Strand, string? Cohort,
        string StartLocal, string EndLocal, string TimeZone, string StartUtc, string EndUtc,
        int Capacity, int Booked, int Waiting, string Status, bool Online, bool MovedOnline, bool CircumstancesPermitting,
        string? Venue, string? VideoLink, string? Facilitators, string? Description, int Sequence);

    public sealed record EnrolmentItem(string Strand, string? Cohort, string StartsOn, string? EndsOn);

    public sealed record ParticipantItem(int Id, string GivenName, string FamilyName, string Email, IReadOnlyList<EnrolmentItem> Enrolments);

    public sealed record BookingRequest(int? ParticipantId);

    /// <param name="Type">A session type code: <c>virtual-workshop</c>, <c>residential</c>, <c>taught-day</c>, <c>action-learning-set</c>, <c>webinar</c>, <c>coaching-group</c>.</param>
    /// <param name="Strand">The strand's slug.</param>
    /// <param name="CohortId">The cohort, for a strand with cohorts.</param>
    /// <param name="StartLocal">London wall-clock time, ISO 8601 without offset: <c>2027-01-15T14:00:00</c>.</param>
    public sealed record NewSession(
        string? Title, string? Type, string? Strand, int? CohortId, string? StartLocal, string? EndLocal, int? Capacity,
        string? Venue, string? VideoLink, bool? CircumstancesPermitting, string? Facilitators, string? Description);

    /// <param name="Status"><c>booked</c> or <c>waitlisted</c>.</param>
    /// <param name="WaitingPosition">1 for the first person waiting; null when booked.</param>
    public sealed record BookingItem(int Id, int SessionId, int ParticipantId, string Status, int? WaitingPosition);

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.GeneralIso;

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Sessions");
        api.MapGet("/strands", ListStrands).RequireAuthorization(Policies.Programme).WithName("ListStrands")
            .WithSummary("The programme's strands, each with its cohorts and the address of its public calendar feed.");
        api.MapGet("/sessions", ListSessions).RequireAuthorization(Policies.Programme).WithName("ListSessions")
            .WithSummary("Sessions, soonest first: ?strand=new-directors, ?from=2027-01-01, ?to=2027-06-30 (London dates). Times are given both as London wall-clock times and as UTC instants.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/sessions/{id:int}", GetSession).RequireAuthorization(Policies.Programme).WithName("GetSession")
            .WithSummary("One session.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/sessions", CreateSession).RequireAuthorization(Policies.Staff).WithName("CreateSession")
            .WithSummary("Creates a session (staff only): 201 with the session; 400 with the errors by field.")
            .Produces<SessionItem>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/participants", ListParticipants).RequireAuthorization(Policies.Staff).WithName("ListParticipants")
            .WithSummary("Participants with their enrolments (staff only).");
        api.MapPost("/sessions/{id:int}/bookings", Book).RequireAuthorization(Policies.Programme).WithName("BookSession")
            .WithSummary("Books the signed-in participant, or for staff the participant named by participantId: 201 with status booked or waitlisted; 409 if that person already holds a booking.")
            .Produces<BookingItem>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/sessions/{id:int}/bookings/{bookingId:int}", Cancel).RequireAuthorization(Policies.Programme).WithName("CancelBooking")
            .WithSummary("Cancels a booking or leaves the waiting list; a freed seat goes to the first person waiting.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<List<StrandItem>>> ListStrands(UponDbContext db, CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var strands = await db.Strands.AsNoTracking().Include(s => s.Cohorts).OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(strands.Select(s => new StrandItem(s.Slug, s.Name, s.Summary, s.HasCohorts, feeds.BaseUrl + CalendarFeeds.StrandFeedPath(s.Slug),
            [.. s.Cohorts.OrderBy(c => c.StartsOn).Select(c => new CohortItem(c.Id, c.Name, c.StartsOn.ToIsoString(), c.EndsOn.ToIsoString()))])).ToList());
    }

    private static async Task<IResult> ListSessions(string? strand, string? from, string? to, UponDbContext db, IClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort).AsQueryable();
        if (strand is not null)
        {
            query = query.Where(s => s.Strand!.Slug == strand);
        }
        foreach (var (name, text) in new[] { ("from", from), ("to", to) })
        {
            if (text is null)
            {
                continue;
            }
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                return BadRequest($"'{text}' is not a date: give {name} as YYYY-MM-DD.");
            }
            if (!PlausibleDates.IsPlausibleSessionDate(parsed.Value, clock.TodayInLondon()))
            {
                return BadRequest($"{name} must be a date {$"from {PlausibleDates.Earliest.ToIsoString()} to {PlausibleDates.LatestSessionDate(clock.TodayInLondon()).ToIsoString()}"}.");
            }
            var instant = (name == "from" ? parsed.Value : parsed.Value.PlusDays(1)).AtStartOfDayInZone(Time.London).ToInstant();
            query = name == "from" ? query.Where(s => s.EndUtc >= instant) : query.Where(s => s.StartUtc < instant);
        }
        var sessions = await query.OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ItemsAsync(db, sessions, user, cancellationToken));
    }

    private static async Task<IResult> GetSession(int id, UponDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is null ? NotFound($"There is no session {id}.") : TypedResults.Ok((await ItemsAsync(db, [session], user, cancellationToken))[0]);
    }

    private static async Task<IResult> CreateSession(NewSession? body, UponDbContext db, IClock clock, SessionService sessions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the session as JSON."] });
        }
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            Error("title", "Give the session a title.");
        }
        if (!SessionCodes.TryParseType(body.Type, out var type))
        {
            Error("type", $"'{body.Type}' is not a session type: use one of {string.Join(", ", SessionCodes.AllTypes.Select(t => t.ToCode()))}.");
        }
        var strand = body.Strand is null ? null : await db.Strands.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == body.Strand, cancellationToken);
        if (strand is null)
        {
            Error("strand", $"'{body.Strand}' is not a strand's slug.");
        }
        LocalDateTime? Parse(string field, string? text)
        {
            var parsed = text is null ? null : LocalPattern.Parse(text);
            if (parsed is { Success: true } && !PlausibleDates.IsPlausibleSessionDate(parsed.Value.Date, clock.TodayInLondon()))
            {
                Error(field, $"'{text}' is not a plausible date for a session: give a date {$"from {PlausibleDates.Earliest.ToIsoString()} to {PlausibleDates.LatestSessionDate(clock.TodayInLondon()).ToIsoString()}"}.");
                return null;
            }
            if (parsed is { Success: true })
            {
                return parsed.Value;
            }
            Error(field, $"'{text}' is not a London date and time: use the form 2027-01-15T14:00:00.");
            return null;
        }
        var start = Parse("startLocal", body.StartLocal);
        var end = Parse("endLocal", body.EndLocal);
        if (body.Capacity is null)
        {
            Error("capacity", "Give the number of places.");
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var saved = await sessions.CreateAsync(new SessionDetails(body.Title!.Trim(), type, strand!.Id, body.CohortId, start!.Value, end!.Value, body.Capacity!.Value,
            Blank(body.Venue), Blank(body.VideoLink), body.CircumstancesPermitting ?? false, Blank(body.Facilitators), Blank(body.Description)), cancellationToken);
        if (!saved.Succeeded)
        {
            return TypedResults.ValidationProblem(saved.Errors.ToDictionary(e => ApiField(e.Key), e => new[] { e.Value }));
        }
        var created = await db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort).SingleAsync(s => s.Id == saved.Id, cancellationToken);
        return TypedResults.Created($"/api/sessions/{created.Id}", (await ItemsAsync(db, [created], user, cancellationToken))[0]);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The JSON field a form field's error belongs to.</summary>
    private static string ApiField(string formField) => formField switch
    {
        "Group" => "cohortId",
        "StartDate" or "StartTime" => "startLocal",
        "EndDate" or "EndTime" => "endLocal",
        _ => char.ToLowerInvariant(formField[0]) + formField[1..],
    };

    private static async Task<Ok<List<ParticipantItem>>> ListParticipants(UponDbContext db, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.AsNoTracking().Include(p => p.Enrolments).ThenInclude(e => e.Strand).Include(p => p.Enrolments).ThenInclude(e => e.Cohort)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ToListAsync(cancellationToken);
        return TypedResults.Ok(participants.Select(p => new ParticipantItem(p.Id, p.GivenName, p.FamilyName, p.Email,
            [.. p.Enrolments.OrderBy(e => e.StartsOn).Select(e => new EnrolmentItem(e.Strand!.Slug, e.Cohort?.Name, e.StartsOn.ToIsoString(), e.EndsOn?.ToIsoString()))])).ToList());
    }

    private static async Task<IResult> Book(int id, BookingRequest? request, ClaimsPrincipal user, UponDbContext db, CurrentParticipant current, BookingService bookings, CancellationToken cancellationToken)
    {
        var isStaff = IsStaff(user);
        int participantId;
        if (isStaff)
        {
            if (request?.ParticipantId is not { } named)
            {
                return BadRequest("Staff book on someone's behalf: give participantId in the body.");
            }
            participantId = named;
        }
        else if (user.IsInRole(Roles.Participant))
        {
            if (await current.FindAsync(user, cancellationToken) is not { } self)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not on the programme",
                    detail: "Your account is not linked to a place on the programme.");
            }
            if (request?.ParticipantId is { } other && other != self.Id)
            {
                return Forbidden("Participants book only themselves.");
            }
            participantId = self.Id;
        }
        else
        {
            return Forbidden("Only participants and staff book sessions.");
        }
        var outcome = await bookings.BookAsync(id, participantId, user.FindFirstValue(ClaimTypes.NameIdentifier), onBehalf: isStaff, cancellationToken);
        return outcome.Result switch
        {
            BookingResult.Booked or BookingResult.Waitlisted => TypedResults.Created($"/api/sessions/{id}/bookings/{outcome.Booking!.Id}", Item(outcome.Booking, outcome.WaitingPosition)),
            BookingResult.AlreadyHeld => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already booked", detail: outcome.Reason,
                extensions: new Dictionary<string, object?> { ["booking"] = Item(outcome.Booking!, outcome.WaitingPosition) }),
            BookingResult.NotFound => NotFound(outcome.Reason!),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not open for booking", detail: outcome.Reason),
        };
    }

    private static async Task<IResult> Cancel(int id, int bookingId, ClaimsPrincipal user, UponDbContext db, CurrentParticipant current, BookingService bookings, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId && b.SessionId == id && b.Status != BookingStatus.Cancelled, cancellationToken);
        // Someone else's booking is answered exactly like one that does not exist.
        var self = IsStaff(user) ? null : await current.FindAsync(user, cancellationToken);
        if (booking is null || (!IsStaff(user) && booking.ParticipantId != self?.Id))
        {
            return NotFound($"You hold no booking {bookingId} on session {id}.");
        }
        if ((await bookings.CancelAsync(id, booking.ParticipantId, cancellationToken))?.Refused is { } refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The session has started", detail: refused);
        }
        return TypedResults.NoContent();
    }

    private static async Task<List<SessionItem>> ItemsAsync(UponDbContext db, List<Session> sessions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Bookings.Where(b => ids.Contains(b.SessionId) && b.Status != BookingStatus.Cancelled)
            .GroupBy(b => new { b.SessionId, b.Status }).Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var staff = IsStaff(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = staff || userId is null ? [] : (await db.Bookings
            .Where(b => ids.Contains(b.SessionId) && b.Status == BookingStatus.Booked && b.Participant!.UserId == userId)
            .Select(b => b.SessionId).ToListAsync(cancellationToken)).ToHashSet();
        return [.. sessions.Select(s => new SessionItem(
            s.Id, s.Uid, s.Title, s.Type.ToCode(), s.Strand!.Slug, s.Cohort?.Name,
            LocalPattern.Format(s.Start), LocalPattern.Format(s.End), Time.London.Id,
            InstantPattern.General.Format(s.StartUtc), InstantPattern.General.Format(s.EndUtc),
            s.Capacity,
            counts.Where(c => c.SessionId == s.Id && c.Status == BookingStatus.Booked).Sum(c => c.Count),
            counts.Where(c => c.SessionId == s.Id && c.Status == BookingStatus.Waitlisted).Sum(c => c.Count),
            s.Status.ToCode(), s.IsOnline, s.MovedOnline, s.CircumstancesPermitting, s.Venue,
            staff || mine.Contains(s.Id) ? s.VideoLink : null,
            s.Facilitators, s.Description, s.Sequence))];
    }

    private static BookingItem Item(Booking booking, int? position) =>
        new(booking.Id, booking.SessionId, booking.ParticipantId, booking.Status.ToCode(), position);

    private static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PartnerStaff);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
