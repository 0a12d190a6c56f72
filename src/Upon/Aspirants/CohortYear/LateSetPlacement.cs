using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core.Aspirants;
using Upon.Data;
using Upon.Email;

namespace Upon.Aspirants.CohortYear;

/// <summary>Where a late acceptor was put: the set, and whether the sets still keep the rules with them in it.</summary>
public sealed record LateSetJoin(AspirantLearningSet Set, bool KeepsRules, int MeetingsBooked);

/// <summary>
/// Someone who accepts a place after the cohort's action learning sets were published joins a set straight away, in
/// the acceptance's transaction (README, "Action learning sets"): the smallest set that keeps the rules with them in it
/// (<see cref="LateJoiners"/>), else the smallest set, which the learning sets page then shows staff as a warning. They
/// are booked on that set's meetings still to come, emailed their set, and the placement is audited.
/// </summary>
public sealed class LateSetPlacement(UponDbContext db, AuditLog audit, IConfiguration configuration)
{
    public const string AuditAction = "Added a late acceptor to a learning set";

    /// <summary>Places the applicant; null when the cohort's sets are not published or they are already in a set. Runs in the caller's transaction.</summary>
    public async Task<LateSetJoin?> PlaceAsync(AspirantApplication application, int participantId, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var sets = await db.AspirantLearningSets.Include(s => s.Cohort).Include(s => s.Members).ThenInclude(m => m.Application)
            .Where(s => s.CohortId == application.CohortId).OrderBy(s => s.Number).AsSplitQuery().ToListAsync(cancellationToken);
        // Draft sets are formed again from everyone who accepted, so a late acceptor waits for that.
        if (sets.Count == 0 || sets.Any(s => s.PublishedAt is null) || sets.Any(s => s.Members.Any(m => m.ApplicationId == application.Id)))
        {
            return null;
        }
        var placement = LateJoiners.Place([.. sets.Select(s => (IReadOnlyList<string?>)[.. s.Members.Select(m => m.Application!.AuthorityCode)])], application.AuthorityCode)!;
        var set = sets[placement.Set];
        set.Members.Add(new AspirantLearningSetMember { SetId = set.Id, ApplicationId = application.Id, Application = application });
        await db.SaveChangesAsync(cancellationToken);

        var meetings = await db.AspirantLearningSetMeetings.Include(m => m.Session)
            .Where(m => m.SetId == set.Id && m.Session!.StartUtc > now && m.Session.Status != Core.Sessions.SessionStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var booked = 0;
        foreach (var meeting in meetings.OrderBy(m => m.Session!.StartUtc))
        {
            // A set's meeting has as many places as members.
            meeting.Session!.Capacity = Math.Max(meeting.Session.Capacity, set.Members.Count);
            await db.SaveChangesAsync(cancellationToken);
            if (await CohortYearBookings.BookAsync(db, meeting.Session, participantId, now, cancellationToken))
            {
                booked++;
            }
        }

        var others = set.Members.Select(m => m.Application!).Where(m => m.Id != application.Id).OrderBy(m => m.FamilyName, StringComparer.Ordinal).ThenBy(m => m.GivenName, StringComparer.Ordinal);
        EmailOutbox.Enqueue(db, application.Email, $"Your action learning set: Aspirant Directors {set.Cohort!.Name}",
            $"Dear {application.GivenName},\n\nYou are in {set.Name} of the Aspirant Directors programme {set.Cohort.Name}, with:\n" +
            string.Join('\n', others.Select(m => $"- {m.FullName}")) + "\n\n" +
            (meetings.Count == 0 ? "We will book you on the set's meetings and email you each one." :
                "You are booked on its meetings to come:\n" + string.Join('\n', meetings.OrderBy(m => m.Session!.StartUtc).Select(m => $"- {Apply.ApplyEmails.Format(m.Session!.StartUtc)}"))) +
            $"\n\nSee your set here:\n{Upon.Shared.AppLinks.BaseUrl(configuration)}/my/learning-set\n");
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction, nameof(AspirantLearningSet), set.Id.ToString(CultureInfo.InvariantCulture),
            $"application {application.ApplicationId} accepted after the sets were published and joined {set.Name}" +
            (placement.KeepsRules ? "" : ", the smallest set: no set could take them within the rules"), cancellationToken: cancellationToken);
        return new LateSetJoin(set, placement.KeepsRules, booked);
    }
}
