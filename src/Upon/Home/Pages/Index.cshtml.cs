using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Feedback;
using Upon.NewDirectors;
using Upon.Sessions;

namespace Upon.Home.Pages;

/// <summary>A session on a home page: where to go, what it is, when.</summary>
public sealed record HomeSession(int Id, string Title, LocalDateTime Start, LocalDateTime End, int Booked, int Capacity);

/// <summary>
/// The home page. Anonymous visitors see what Upon is; each signed-in role sees what it can do and what needs doing:
/// staff the invitations to send, this week's sessions, attendance to mark and new problem reports; participants their
/// next session and their journey; the funder the figures.
/// </summary>
[AllowAnonymous]
public class IndexModel(UponDbContext db, IClock clock, CurrentParticipant currentParticipant) : PageModel
{
    /// <summary>How far back a session without attendance is still listed as to mark.</summary>
    public static readonly Duration AttendanceLookBack = Duration.FromDays(60);

    public const int MaxListed = 10;

    public bool IsStaff { get; private set; }
    public bool IsAdministrator { get; private set; }
    public bool IsParticipant { get; private set; }
    public bool IsFunder { get; private set; }
    public bool IsCoach { get; private set; }

    public int InvitationsToDo { get; private set; }
    public int NewProblems { get; private set; }

    /// <summary>Administrators: data protection requests not yet answered, and how many of them are past their due day.</summary>
    public (int Open, int Overdue) DataRequests { get; private set; }
    public IReadOnlyList<HomeSession> ThisWeek { get; private set; } = [];
    public IReadOnlyList<HomeSession> AttendanceToMark { get; private set; } = [];

    public string? ParticipantName { get; private set; }
    public HomeSession? NextSession { get; private set; }
    public int WaitingLists { get; private set; }

    /// <summary>An aspirant participant whose cohort's action learning sets are published: they have a set to see.</summary>
    public bool HasLearningSet { get; private set; }

    /// <summary>They have a coach and have not asked to change: "Ask for a coach" is not offered.</summary>
    public bool HasCoach { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdministrator = User.IsInRole(Roles.Administrator);
        IsStaff = IsAdministrator || User.IsInRole(Roles.PartnerStaff);
        IsParticipant = User.IsInRole(Roles.Participant);
        IsFunder = User.IsInRole(Roles.Funder);
        IsCoach = User.IsInRole(Roles.Coach);
        if (IsStaff)
        {
            await LoadStaffAsync(cancellationToken);
        }
        if (IsParticipant)
        {
            await LoadParticipantAsync(cancellationToken);
        }
    }

    private async Task LoadStaffAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        InvitationsToDo = await db.DirectorInvitations.CountAsync(i => i.Status == InvitationStatus.Pending
            && ((i.SendOn <= today && (i.Person!.Email == null || i.Person.Email == "")) || i.DueBy < today), cancellationToken);
        NewProblems = await db.ProblemReports.CountAsync(p => p.Status == ProblemStatus.New, cancellationToken);
        if (IsAdministrator)
        {
            DataRequests = (await db.SubjectRequests.CountAsync(r => r.CompletedAt == null, cancellationToken),
                await db.SubjectRequests.CountAsync(r => r.CompletedAt == null && r.DueOn < today, cancellationToken));
        }

        var weekStart = today.AtStartOfDayInZone(Time.London).ToInstant();
        var weekEnd = today.PlusDays(7).AtStartOfDayInZone(Time.London).ToInstant();
        ThisWeek = await Listed(db.Sessions.Where(s => s.Status != SessionStatus.Cancelled && s.StartUtc >= weekStart && s.StartUtc < weekEnd)
            .OrderBy(s => s.StartUtc), cancellationToken);

        var since = now - AttendanceLookBack;
        AttendanceToMark = await Listed(db.Sessions.Where(s => s.Status != SessionStatus.Cancelled && s.EndUtc <= now && s.EndUtc > since
                && db.Bookings.Any(b => b.SessionId == s.Id && b.Status == BookingStatus.Booked)
                && !db.AttendanceRecords.Any(r => r.SessionId == s.Id))
            .OrderByDescending(s => s.StartUtc), cancellationToken);
    }

    private async Task LoadParticipantAsync(CancellationToken cancellationToken)
    {
        var participant = await currentParticipant.FindAsync(User, cancellationToken);
        if (participant is null)
        {
            return;
        }
        ParticipantName = participant.GivenName;
        var now = clock.GetCurrentInstant();
        var mine = db.Sessions.Where(s => s.Status != SessionStatus.Cancelled && s.EndUtc > now
            && db.Bookings.Any(b => b.SessionId == s.Id && b.ParticipantId == participant.Id && b.Status == BookingStatus.Booked));
        NextSession = (await Listed(mine.OrderBy(s => s.StartUtc), cancellationToken, take: 1)).FirstOrDefault();
        WaitingLists = await db.Bookings.CountAsync(b => b.ParticipantId == participant.Id && b.Status == BookingStatus.Waitlisted && b.Session!.EndUtc > now, cancellationToken);
        HasLearningSet = await db.AspirantLearningSetMembers.AnyAsync(m => m.Application!.ParticipantId == participant.Id && m.Set!.PublishedAt != null, cancellationToken);
        HasCoach = await db.CoachingRelationships.Where(r => r.ParticipantId == participant.Id).AnyAsync(Coaching.CoachingRelationship.CoachingWithoutChangeAsked, cancellationToken);
    }

    private async Task<List<HomeSession>> Listed(IQueryable<Session> sessions, CancellationToken cancellationToken, int take = MaxListed) =>
        await sessions.Take(take)
            .Select(s => new HomeSession(s.Id, s.Title, s.Start, s.End,
                db.Bookings.Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Booked), s.Capacity))
            .ToListAsync(cancellationToken);
}
