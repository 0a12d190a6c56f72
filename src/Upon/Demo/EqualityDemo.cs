using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Equality;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;

namespace Upon.Demo;

/// <summary>
/// Made-up equality answers for the demo, so the equality page, its pipeline and the DfE return tell a plausible story:
/// every demo New Directors participant (except the demo account, left for a visitor to fill in at <c>/my/equality</c>)
/// and every demo coach, through a participant record of their own with the coach's email (where a coach's answers come
/// from). Most answer; the mix is roughly that of senior leaders in children's services (mostly White, a few Black,
/// Asian and Mixed; about two thirds women; a few disabled). Aspirant applicants' answers are made by
/// <see cref="AspirantsDemo"/>. Seeded: the same on every run.
/// </summary>
public sealed class EqualityDemo(UponDbContext db, IClock clock)
{
    private readonly DemoRandom _random = new(DemoData.Seed, stream: 40);

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var answered = (await db.EqualityInformation.Select(i => i.ParticipantId).ToListAsync(cancellationToken)).ToHashSet();
        var participants = await db.Participants
            .Where(p => p.Enrolments.Any(e => e.Strand!.Slug == StrandSetup.NewDirectorsSlug) && p.Email != "participant@upon.test")
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);

        var coaches = await db.CoachProfiles.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var emails = (await db.Participants.Select(p => p.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var coach in coaches.Where(c => !emails.Contains(c.Email)))
        {
            var own = new Participant { GivenName = coach.GivenName, FamilyName = coach.FamilyName, Email = coach.Email, PersonKey = coach.PersonKey, CreatedAt = now };
            db.Participants.Add(own);
            participants.Add(own);
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var participant in participants.Where(p => !answered.Contains(p.Id)))
        {
            if (_random.Chance(0.08))
            {
                continue;
            }
            db.EqualityInformation.Add(new EqualityInformation
            {
                ParticipantId = participant.Id,
                EthnicityCode = _random.Chance(0.06) ? null : EthnicityCode(),
                Sex = _random.Chance(0.03) ? Sex.PreferNotToSay : _random.Chance(0.66) ? Sex.Female : Sex.Male,
                Disability = _random.Chance(0.05) ? Disability.PreferNotToSay : _random.Chance(0.07) ? Disability.Yes : Disability.No,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private string EthnicityCode()
    {
        var roll = _random.NextDouble();
        var prefix = roll < 0.80 ? "white-" : roll < 0.87 ? "black-" : roll < 0.94 ? "asian-" : roll < 0.98 ? "mixed-" : "other-";
        var codes = Ethnicity.Groups.Where(g => g.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return prefix == "white-" && _random.Chance(0.8) ? "white-british" : codes[_random.Next(codes.Count)].Code;
    }
}
