using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>One cohort's alumni figures (README, "Definitions").</summary>
public sealed record CohortAlumni(string Cohort, LocalDate? EndedOn, int Alumni, int BecameDcs, int WithinOneYear, int WithinTwoYears, int WithinThreeYears)
{
    /// <summary>The cohort's key, for the link to its alumni record.</summary>
    public int CohortId { get; init; }
}

/// <summary>The share of directors in post on a date who are alumni.</summary>
public sealed record ServingShare(LocalDate On, int Serving, int Alumni)
{
    public double? Share => Serving == 0 ? null : (double)Alumni / Serving;
}

/// <summary>
/// Alumni figures: by cohort, alumni (completed) and those who became a DCS within one, two and three years of the
/// cohort's end; and the share of serving DCSs on a date who are alumni of any cohort.
/// </summary>
public sealed class AlumniFigures(UponDbContext db, AlumniMatching matching)
{
    public async Task<IReadOnlyList<CohortAlumni>> ByCohortAsync(CancellationToken cancellationToken = default)
    {
        var cohorts = await db.AspirantCohorts.AsNoTracking().Include(c => c.TaughtDays).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var alumni = await AlumniAsync(cancellationToken);
        var dcs = await matching.FirstAppointmentsAsync([.. alumni.Select(a => a.Candidate)], cancellationToken);
        return [.. cohorts.Select(c =>
        {
            var ended = AspirantCohorts.EndOf(c, c.TaughtDays.Select(d => d.Date));
            var own = alumni.Where(a => a.CohortId == c.Id).ToList();
            var became = own.Where(a => dcs.ContainsKey(a.Candidate.Key)).Select(a => dcs[a.Candidate.Key].Started).ToList();
            int Within(int years) => ended is { } end ? became.Count(d => d <= end.PlusYears(years)) : 0;
            return new CohortAlumni(c.Name, ended, own.Count, became.Count, Within(1), Within(2), Within(3)) { CohortId = c.Id };
        })];
    }

    public async Task<ServingShare> ServingShareAsync(LocalDate on, CancellationToken cancellationToken = default)
    {
        var serving = await db.Appointments.AsNoTracking().Where(a => a.StartDate <= on && (a.EndDate == null || a.EndDate >= on))
            .Select(a => a.PersonKey).Distinct().ToListAsync(cancellationToken);
        // An alumnus from the end of their cohort's year: on an earlier day they had not yet come through the programme.
        var ends = (await db.AspirantCohorts.AsNoTracking().Include(c => c.TaughtDays).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => AspirantCohorts.EndOf(c, c.TaughtDays.Select(d => d.Date)));
        var alumni = (await AlumniAsync(cancellationToken)).Where(a => ends.GetValueOrDefault(a.CohortId) is not { } end || end <= on);
        // Whether they became DCS after applying does not matter here: a serving director who is an alumnus counts.
        var candidates = alumni.Select(a => a.Candidate with { SubmittedAt = null }).ToList();
        var matched = await matching.FirstAppointmentsAsync(candidates, cancellationToken);
        var alumniPeople = matched.Values.Select(m => m.PersonKey).ToHashSet();
        return new ServingShare(on, serving.Count, serving.Count(alumniPeople.Contains));
    }

    private async Task<List<(int CohortId, AlumniCandidate Candidate)>> AlumniAsync(CancellationToken cancellationToken) =>
        [.. (await db.AspirantApplications.AsNoTracking().Where(a => a.Completed == true)
                .Select(a => new { a.CohortId, a.Id, a.Email, a.ConfirmedPersonKey, a.SubmittedAt }).ToListAsync(cancellationToken))
            .Select(a => (a.CohortId, new AlumniCandidate(a.Id, a.Email, a.ConfirmedPersonKey, a.SubmittedAt)))];
}
