using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Impact;
using Upon.NewDirectors;

namespace Upon.Demo;

/// <summary>
/// Past New Directors participants for the demo register, as <c>upon newdirectors import enrolments</c> would load them:
/// the first-time directors whose first post started from <c>NewDirectors:InvitingSince</c> up to two years ago (the
/// later ones are the demo programme's own participants, who accepted in Upon). Most joined 1 to 12 weeks after
/// starting; those whose first post lasted beyond two years joined a little more often, so the retention chart shows a
/// modest, plausible gap rather than none or a dramatic one. Seeded: the same on every run.
/// </summary>
public sealed class RetentionDemo(UponDbContext db, IClock clock, IOptions<NewDirectorsOptions> options)
{
    private readonly DemoRandom _random = new(DemoData.Seed, stream: 30);

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.TodayInLondon();
        var since = options.Value.InvitingSinceDate ?? new LocalDate(2020, 4, 1);
        var until = today.PlusMonths(-24);
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Person).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var firstPosts = appointments.GroupBy(a => a.PersonKey).Select(g => g.MinBy(a => a.StartDate)!)
            .Where(a => a.StartDate >= since && a.StartDate < until && a.Person!.Email is not null)
            .OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToList();
        var now = clock.GetCurrentInstant();
        foreach (var first in firstPosts)
        {
            var lastDay = first.EndDate ?? today;
            var lengthDays = Period.DaysBetween(first.StartDate, lastDay) + 1;
            var chance = lengthDays > 730 ? 0.72 : lengthDays < 365 ? 0.5 : 0.6;
            if (!_random.Chance(chance))
            {
                continue;
            }
            var joined = first.StartDate.PlusDays(_random.Between(7, 84));
            if (joined > lastDay)
            {
                continue;
            }
            db.ImportedEnrolments.Add(new ImportedEnrolment { PersonKey = first.PersonKey, Email = first.Person!.Email!, AcceptedOn = joined, ImportedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
