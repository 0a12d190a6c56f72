using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Coaching;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Demo;

/// <summary>
/// Demo coaching (made-up people from the demo register, fixed seed): about 40 coaches, current and former directors,
/// some with consented characteristics; a round of about 30 requests ready to run; active relationships with logged
/// sessions, the demo coach's coachees including the demo participant.
/// </summary>
public sealed class CoachingDemo(UponDbContext db, IClock clock, CoachingStrands strands)
{
    public const string DemoCoachEmail = "coach@upon.test";
    public const string DemoParticipantEmail = "participant@upon.test";
    public const string DemoRoundName = "Demo round";

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        if (await db.CoachProfiles.AnyAsync(cancellationToken)) return;
        var random = new Random(11);
        var today = clock.TodayInLondon();
        var now = clock.GetCurrentInstant();
        var directors = await db.People.AsNoTracking().Where(p => p.Appointments.Any()).OrderBy(p => p.PersonId).Take(39).ToListAsync(cancellationToken);
        var coaches = new List<CoachProfile>
        {
            new() { Email = DemoCoachEmail, GivenName = "Demo", FamilyName = "Coach", Capacity = 5, OffersOnline = true, OffersInPerson = true, Regions = "E12000007", AuthorityKinds = "london", CreatedAt = now,
                Consents = [new CoachConsent { Characteristic = Characteristics.Woman, GivenOn = today.PlusDays(-60) }] },
        };
        foreach (var person in directors)
        {
            var inPerson = random.Next(2) == 0;
            var profile = new CoachProfile
            {
                Email = (person.Email ?? $"{person.GivenName}.{person.FamilyName}.{person.PersonId}@example.org").ToLowerInvariant().Replace(' ', '-'),
                GivenName = person.GivenName,
                FamilyName = person.FamilyName,
                Capacity = random.Next(1, 5),
                OffersOnline = !inPerson || random.Next(3) > 0,
                OffersInPerson = inPerson,
                Regions = inPerson ? CoachingModes.RegionCodes[random.Next(9)] : "",
                PersonKey = person.Id,
                CreatedAt = now,
            };
            foreach (var c in Characteristics.Standard.Where(_ => random.Next(6) == 0))
            {
                profile.Consents.Add(new CoachConsent { Characteristic = c, GivenOn = today.PlusDays(-random.Next(10, 200)) });
            }

            coaches.Add(profile);
        }

        coaches = [.. coaches.DistinctBy(c => c.Email)];
        db.CoachProfiles.AddRange(coaches);

        var demoParticipant = await db.Participants.FirstOrDefaultAsync(p => p.Email == DemoParticipantEmail, cancellationToken);
        var others = await db.Participants.Where(p => p.Email != DemoParticipantEmail).OrderBy(p => p.Id).Take(38).ToListAsync(cancellationToken);
        var coachees = new List<Upon.Sessions.Participant>();
        if (demoParticipant is not null) coachees.Add(demoParticipant);
        coachees.AddRange(others.Take(7));
        // Each relationship records the entitlement of its coachee's strand, as publishing a round does.
        var entitlements = await strands.EntitlementsAsync(coachees.Select(c => c.Id), cancellationToken);
        for (var i = 0; i < coachees.Count; i++)
        {
            var coach = i < 3 ? coaches[0] : coaches[1 + (i * 5 % (coaches.Count - 1))];
            var starts = today.PlusDays(-random.Next(60, 200));
            var relationship = new CoachingRelationship
            {
                Coach = coach,
                Participant = coachees[i],
                StartsOn = starts,
                EndsOn = starts.PlusYears(1).PlusDays(-1),
                EntitledSessions = entitlements[coachees[i].Id].Sessions,
                EntitledMinutes = entitlements[coachees[i].Id].Minutes,
                Status = RelationshipStatus.Active,
                StatusChangedOn = starts,
            };
            var sessions = random.Next(1, 4);
            for (var s = 0; s < sessions; s++)
            {
                relationship.Sessions.Add(new CoachingSessionLog
                {
                    Date = starts.PlusDays(14 + s * 30),
                    Minutes = 60,
                    InPerson = random.Next(3) == 0,
                    Confirmation = s < sessions - 1 ? SessionConfirmation.Confirmed : SessionConfirmation.Pending,
                    LoggedAt = now,
                });
            }

            db.CoachingRelationships.Add(relationship);
        }

        var round = new MatchingRound { Name = DemoRoundName, Status = RoundStatus.Open, CreatedAt = now };
        var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken);
        foreach (var participant in others.Skip(7).Take(30))
        {
            var wishes = Characteristics.Standard.Where(_ => random.Next(4) == 0).ToList();
            var must = wishes.Take(random.Next(3) == 0 ? 1 : 0).ToList();
            var mode = (RequestedMode)random.Next(3);
            round.Requests.Add(new CoachingRequest
            {
                Participant = participant,
                AuthorityCode = authorities.Count > 0 ? authorities[random.Next(authorities.Count)] : null,
                Must = CoachingLists.Join(must),
                WouldLike = CoachingLists.Join(wishes.Skip(must.Count)),
                AuthorityKind = random.Next(2) == 0 ? (AuthorityKind)random.Next(4) : null,
                Mode = mode,
                Region = CoachingModes.RegionCodes[random.Next(9)],
                CreatedAt = now,
            });
        }

        db.MatchingRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
    }
}
