using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Aspirants;
using Upon.Core.Coaching;
using Upon.Core.Equality;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Aspirants.CohortYear;

/// <summary>Why the sets cannot be formed, changed or published as asked.</summary>
public sealed class LearningSetRuleException(string message) : Exception(message);

/// <summary>
/// A cohort's action learning sets: formed by <see cref="LearningSets"/> from the applicants who accepted a place, kept
/// as a draft that staff adjust by moving members, then published. Each set's meetings are sessions of the Aspirant
/// Directors strand's cohort with the set's members booked.
/// </summary>
public sealed class LearningSetService(UponDbContext db, IClock clock, BookingService bookings, SessionService sessions, OfferResponse offers, Audit.AuditLog audit, IConfiguration configuration)
{
    public Task<List<AspirantLearningSet>> SetsAsync(int cohortId, CancellationToken cancellationToken = default) =>
        db.AspirantLearningSets.AsNoTracking().Where(s => s.CohortId == cohortId)
            .Include(s => s.Members).ThenInclude(m => m.Application)
            .Include(s => s.Meetings).ThenInclude(m => m.Session)
            .AsSplitQuery().OrderBy(s => s.Number).ToListAsync(cancellationToken);

    /// <summary>What the solver balances, for each applicant who accepted a place in the cohort, keyed by application.</summary>
    public async Task<Dictionary<int, SetMember>> MembersAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var accepted = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohortId && a.Offer == OfferStatus.Accepted)
            .Select(a => new { a.Id, a.AuthorityCode }).ToListAsync(cancellationToken);
        var codes = accepted.Where(a => a.AuthorityCode != null).Select(a => a.AuthorityCode!).Distinct().ToList();
        var authorities = await db.Authorities.AsNoTracking().Where(a => codes.Contains(a.Code))
            .Select(a => new { a.Code, a.RegionCode, Gss = a.GssCodes.Where(g => g.ValidTo == null).Select(g => g.Code).FirstOrDefault() })
            .ToDictionaryAsync(a => a.Code, cancellationToken);
        var keys = accepted.Select(a => a.Id).ToList();
        // Sex and ethnicity balance the sets as a whole; they are never shown beside a person.
        var equality = await db.AspirantEqualityMonitoring.AsNoTracking().Where(e => keys.Contains(e.ApplicationKey))
            .Select(e => new { e.ApplicationKey, e.Sex, e.EthnicityCode }).ToDictionaryAsync(e => e.ApplicationKey, cancellationToken);
        return accepted.ToDictionary(a => a.Id, a =>
        {
            var authority = a.AuthorityCode is { } code ? authorities.GetValueOrDefault(code) : null;
            var answers = equality.GetValueOrDefault(a.Id);
            return new SetMember(a.Id, a.AuthorityCode, authority?.RegionCode,
                answers?.Sex is MonitoringSex.Female ? "female" : answers?.Sex is MonitoringSex.Male ? "male" : null,
                Ethnicity.TryFind(answers?.EthnicityCode, out var group) ? Ethnicity.IsGlobalMajority(group) : null,
                AuthorityKinds.FromGssCode(authority?.Gss)?.ToCode());
        });
    }

    /// <summary>Forms the draft sets afresh from everyone who accepted, replacing any draft; refused once published.</summary>
    public async Task FormAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        if (await db.AspirantLearningSets.AnyAsync(s => s.CohortId == cohortId && s.PublishedAt != null, cancellationToken))
        {
            throw new LearningSetRuleException("The sets are published: move members between them instead.");
        }
        var members = await MembersAsync(cohortId, cancellationToken);
        LearningSetPlan plan;
        try
        {
            plan = LearningSets.Form([.. members.Values.OrderBy(m => m.Id)]);
        }
        catch (LearningSetException e)
        {
            throw new LearningSetRuleException(e.Message);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AspirantLearningSets.RemoveRange(await db.AspirantLearningSets.Where(s => s.CohortId == cohortId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        for (var i = 0; i < plan.Sets.Count; i++)
        {
            db.AspirantLearningSets.Add(new AspirantLearningSet
            {
                CohortId = cohortId,
                Number = i + 1,
                CreatedAt = now,
                Members = [.. plan.Sets[i].Select(id => new AspirantLearningSetMember { ApplicationId = id })],
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("Formed learning sets", nameof(AspirantLearningSet), cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{plan.Sets.Count} sets of {members.Count} members{(plan.Optimal ? "" : " (the solver stopped at its time limit)")}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Moves one member to another set of the same cohort (staff adjusting the solver's sets) and returns the rules the
    /// sets then break, as a warning. Once published, the member also leaves the old set's meetings to come and is booked
    /// on the new set's.
    /// </summary>
    public async Task<IReadOnlyList<string>> MoveAsync(int cohortId, int applicationKey, int toSetNumber, CancellationToken cancellationToken = default)
    {
        var member = await db.AspirantLearningSetMembers.Include(m => m.Set).Include(m => m.Application)
            .FirstOrDefaultAsync(m => m.ApplicationId == applicationKey && m.Set!.CohortId == cohortId, cancellationToken)
            ?? throw new LearningSetRuleException("That person is not in a set of this cohort.");
        var target = await db.AspirantLearningSets.FirstOrDefaultAsync(s => s.CohortId == cohortId && s.Number == toSetNumber, cancellationToken)
            ?? throw new LearningSetRuleException($"There is no set {toSetNumber}.");
        if (target.Id == member.SetId)
        {
            throw new LearningSetRuleException($"They are already in set {toSetNumber}.");
        }
        var from = member.SetId;
        member.SetId = target.Id;
        await db.SaveChangesAsync(cancellationToken);
        if (target.PublishedAt is not null && member.Application!.ParticipantId is { } participant)
        {
            var now = clock.GetCurrentInstant();
            foreach (var meeting in await db.AspirantLearningSetMeetings.Where(m => m.SetId == from && m.Session!.StartUtc > now).Select(m => m.SessionId).ToListAsync(cancellationToken))
            {
                await bookings.CancelAsync(meeting, participant, cancellationToken);
            }
            foreach (var meeting in await db.AspirantLearningSetMeetings.Include(m => m.Session).Where(m => m.SetId == target.Id && m.Session!.StartUtc > now).ToListAsync(cancellationToken))
            {
                var members = await db.AspirantLearningSetMembers.CountAsync(m => m.SetId == target.Id, cancellationToken);
                meeting.Session!.Capacity = Math.Max(meeting.Session.Capacity, members);
                await db.SaveChangesAsync(cancellationToken);
                await bookings.BookAsync(meeting.SessionId, participant, null, onBehalf: true, cancellationToken);
            }
        }
        return await ProblemsAsync(cohortId, cancellationToken);
    }

    /// <summary>The rules the sets as they stand break (sizes, two from one authority); empty when none.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var sets = await SetsAsync(cohortId, cancellationToken);
        var members = await MembersAsync(cohortId, cancellationToken);
        return LearningSets.Problems([.. sets.Select(s => (IReadOnlyList<SetMember>)[.. s.Members.Select(m => members.GetValueOrDefault(m.ApplicationId) ?? new SetMember(m.ApplicationId, m.Application?.AuthorityCode, null, null, null, null))])]);
    }

    /// <summary>Publishes the cohort's sets when they keep every rule.</summary>
    public async Task PublishAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var problems = await ProblemsAsync(cohortId, cancellationToken);
        if (problems.Count > 0)
        {
            throw new LearningSetRuleException(problems[0]);
        }
        var sets = await db.AspirantLearningSets.Include(s => s.Cohort).Include(s => s.Members).ThenInclude(m => m.Application)
            .Where(s => s.CohortId == cohortId).ToListAsync(cancellationToken);
        if (sets.Count == 0)
        {
            throw new LearningSetRuleException("Form the sets first.");
        }
        var now = clock.GetCurrentInstant();
        var link = Upon.Shared.AppLinks.BaseUrl(configuration) + "/my/learning-set";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var set in sets.Where(s => s.PublishedAt is null))
        {
            set.PublishedAt = now;
            // Each member is told their set in the same transaction as the publishing.
            foreach (var member in set.Members.Select(m => m.Application!))
            {
                Upon.Email.EmailOutbox.Enqueue(db, member.Email, $"Your action learning set: Aspirant Directors {set.Cohort!.Name}",
                    $"Dear {member.GivenName},\n\nYou are in {set.Name} of the Aspirant Directors programme {set.Cohort.Name}, with:\n" +
                    string.Join('\n', set.Members.Select(m => m.Application!).Where(m => m.Id != member.Id).OrderBy(m => m.FamilyName, StringComparer.Ordinal).Select(m => $"- {m.FullName}")) +
                    $"\n\nWe will book you on the set's meetings and email you each one. See your set here:\n{link}\n");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("Published learning sets", nameof(AspirantLearningSet), cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{sets.Count} sets", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The published sets <paramref name="participantId"/> is a member of, with their members and meetings.</summary>
    public Task<List<AspirantLearningSet>> MineAsync(int participantId, CancellationToken cancellationToken = default) =>
        db.AspirantLearningSets.AsNoTracking().Where(s => s.PublishedAt != null && s.Members.Any(m => m.Application!.ParticipantId == participantId))
            .Include(s => s.Cohort)
            .Include(s => s.Members).ThenInclude(m => m.Application)
            .Include(s => s.Meetings).ThenInclude(m => m.Session)
            .AsSplitQuery().OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds a meeting of a published set: a session of the cohort's Aspirant Directors strand cohort, as many places as
    /// members, each member booked. Returns the session's errors by field, or none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> AddMeetingAsync(int setId, LocalDateTime start, LocalDateTime end, string? venue, string? videoLink, CancellationToken cancellationToken = default)
    {
        var set = await db.AspirantLearningSets.Include(s => s.Cohort).Include(s => s.Members).ThenInclude(m => m.Application)
            .FirstOrDefaultAsync(s => s.Id == setId, cancellationToken) ?? throw new LearningSetRuleException("There is no such set.");
        if (set.PublishedAt is null)
        {
            throw new LearningSetRuleException("Publish the sets before adding their meetings.");
        }
        var programmeCohort = await offers.ProgrammeCohortAsync(set.Cohort!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var created = await sessions.CreateAsync(new SessionDetails($"{set.Name}, {set.Cohort!.Name}", Core.Sessions.SessionType.ActionLearningSet,
            programmeCohort.StrandId, programmeCohort.Id, start, end, Math.Max(1, set.Members.Count), venue, videoLink, false, null, null), cancellationToken);
        if (!created.Succeeded)
        {
            return created.Errors;
        }
        db.AspirantLearningSetMeetings.Add(new AspirantLearningSetMeeting { SetId = set.Id, SessionId = created.Id!.Value });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var participant in set.Members.Select(m => m.Application!.ParticipantId).OfType<int>())
        {
            await bookings.BookAsync(created.Id.Value, participant, null, onBehalf: true, cancellationToken);
        }
        return new Dictionary<string, string>();
    }
}
