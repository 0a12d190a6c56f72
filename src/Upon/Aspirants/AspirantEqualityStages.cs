using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Aspirants;
using Upon.Core.Register;
using Upon.Data;
using Upon.Shared.Reports;

namespace Upon.Aspirants;

/// <summary>
/// The Aspirant Directors stages of the equality pipeline (README, "Equality by year and the pipeline"), each with the
/// applicants' own equality monitoring answers and their BALI declaration:
/// <list type="bullet">
/// <item><b>Applicants</b>: applications submitted in the year; <b>selected</b>: selected, on the day the cohort's
/// decisions were released (or, imported without it, its last submission); <b>completed</b>: completed, on the cohort's
/// end. These are the DfE return's <c>aspirantApplications</c>, <c>aspirantSelected</c> and <c>aspirantCompleted</c>
/// of the year.</item>
/// <item><b>Appointed DCS</b>: alumni (aspirants who completed) whose first DCS appointment in the register since
/// applying (same email, or the person staff confirmed) started on or before the year's last day, each person once.</item>
/// <item><b>In post two years later</b>: of those appointed at least two years before the year's last day, the ones
/// holding a DCS appointment (any authority) on the day two years after their appointment started.</item>
/// </list>
/// </summary>
public sealed class AspirantEqualityStages(UponDbContext db, AlumniMatching alumni) : IEqualityStageSource
{
    public int Order => 10;

    public async Task<IReadOnlyList<EqualityStagePeople>> StagesAsync(FinancialYear year, CancellationToken cancellationToken)
    {
        var cohorts = await db.AspirantCohorts.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.EndsOn, c.DecisionsReleasedAt, c.Imported, LastTaughtDay = c.TaughtDays.Max(d => (LocalDate?)d.Date) })
            .ToListAsync(cancellationToken);
        var applications = await db.AspirantApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Submitted && a.SubmittedAt != null)
            .Select(a => new { a.Id, a.CohortId, a.Email, a.ConfirmedPersonKey, SubmittedAt = a.SubmittedAt!.Value, a.Outcome, a.Completed, a.BaliGraduate })
            .ToListAsync(cancellationToken);
        var answers = (await db.AspirantEqualityMonitoring.AsNoTracking()
                .Select(e => new { e.ApplicationKey, e.EthnicityCode, e.Sex, e.Disabled })
                .ToListAsync(cancellationToken))
            .ToDictionary(e => e.ApplicationKey);

        var lastSubmission = applications.GroupBy(a => a.CohortId).ToDictionary(g => g.Key, g => g.Max(a => a.SubmittedAt));
        var decidedOn = cohorts.ToDictionary(c => c.Id, c =>
            c.DecisionsReleasedAt is { } released ? released.InZone(Time.London).Date
            : c.Imported && lastSubmission.TryGetValue(c.Id, out var last) ? last.InZone(Time.London).Date
            : (LocalDate?)null);
        var endedOn = cohorts.ToDictionary(c => c.Id, c => CohortEnd.Of(c.EndsOn, c.LastTaughtDay, c.Name));

        EqualityPerson Person(int key, string email, bool bali)
        {
            if (!answers.TryGetValue(key, out var a))
            {
                return new EqualityPerson(null, null, null, email, bali);
            }
            return new EqualityPerson(
                a.EthnicityCode,
                a.Sex switch { MonitoringSex.Female => true, MonitoringSex.Male => false, _ => null },
                a.Disabled switch { YesNoPreferNot.Yes => true, YesNoPreferNot.No => false, _ => null },
                email, bali);
        }

        var inYear = applications.Where(a => year.Contains(a.SubmittedAt.InZone(Time.London).Date)).ToList();
        var selected = applications.Where(a => a.Outcome == SelectionOutcome.Selected && decidedOn[a.CohortId] is { } day && year.Contains(day)).ToList();
        var completed = applications.Where(a => a.Completed == true).ToList();
        var completedInYear = completed.Where(a => endedOn[a.CohortId] is { } day && year.Contains(day)).ToList();

        var firstAppointments = await alumni.FirstAppointmentsAsync(
            [.. completed.Select(a => new AlumniCandidate(a.Id, a.Email, a.ConfirmedPersonKey, a.SubmittedAt))], cancellationToken);
        // Each person once: their earliest appointment, with the answers of their latest completed application.
        var appointed = completed
            .Where(a => firstAppointments.TryGetValue(a.Id, out var f) && f.Started <= year.LastDay)
            .GroupBy(a => firstAppointments[a.Id].PersonKey)
            .Select(g => (Application: g.OrderByDescending(a => a.SubmittedAt).First(), PersonKey: g.Key, Started: g.Min(a => firstAppointments[a.Id].Started)))
            .ToList();
        var twoYearsBefore = year.LastDay.PlusYears(-2);
        var longEnough = appointed.Where(a => a.Started <= twoYearsBefore).ToList();
        var keys = longEnough.Select(a => a.PersonKey).Distinct().ToList();
        var spells = new List<(int PersonKey, LocalDate Start, LocalDate? End)>();
        foreach (var chunk in keys.Chunk(500))
        {
            spells.AddRange((await db.Appointments.AsNoTracking().Where(a => chunk.Contains(a.PersonKey))
                    .Select(a => new { a.PersonKey, a.StartDate, a.EndDate }).ToListAsync(cancellationToken))
                .Select(a => (a.PersonKey, a.StartDate, a.EndDate)));
        }
        var stayed = longEnough.Where(a =>
        {
            var day = a.Started.PlusYears(2);
            return spells.Any(s => s.PersonKey == a.PersonKey && s.Start <= day && (s.End is null || s.End >= day));
        }).ToList();

        return
        [
            new("aspirant-applicants", "Aspirant applicants", "Upon: Aspirant Directors applications submitted in the year",
                [.. inYear.Select(a => Person(a.Id, a.Email, a.BaliGraduate))], ShowsBali: true),
            new("aspirant-selected", "Aspirants selected", "Upon: applications selected, on the day the decisions were released",
                [.. selected.Select(a => Person(a.Id, a.Email, a.BaliGraduate))], ShowsBali: true),
            new("aspirant-completed", "Aspirants completed", "Upon: aspirants who completed a cohort ending in the year",
                [.. completedInYear.Select(a => Person(a.Id, a.Email, a.BaliGraduate))]),
            new("aspirant-appointed", "Alumni appointed DCS", "Upon and the register: alumni whose first DCS post since applying started by the year's end",
                [.. appointed.Select(a => Person(a.Application.Id, a.Application.Email, a.Application.BaliGraduate))], ShowsBali: true),
            new("aspirant-in-post-two-years", "In post two years later", "Of the alumni appointed at least two years before the year's end, those still a DCS two years after starting",
                [.. stayed.Select(a => Person(a.Application.Id, a.Application.Email, a.Application.BaliGraduate))]),
        ];
    }
}
