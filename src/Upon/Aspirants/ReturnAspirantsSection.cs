using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Aspirants;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Data;
using Upon.Shared.Reports;

namespace Upon.Aspirants;

/// <summary>
/// The DfE return's Aspirant Directors figures: applications submitted, places offered, aspirants who completed their
/// cohort, and alumni appointed DCS, each counted in the period of the day it happened (London).
/// </summary>
public sealed class ReturnAspirantsSection(UponDbContext db, AlumniMatching alumni) : IDfeReturnSection
{
    public const string Applications = "aspirantApplications";
    public const string Selected = "aspirantSelected";
    public const string Completed = "aspirantCompleted";
    public const string BecameDcs = "aspirantBecameDcs";

    public string Key => "aspirants";

    public string Title => "Aspirant Directors";

    public int Order => 30;

    public IReadOnlyList<ReturnFigureDefinition> Figures { get; } =
    [
        new(Applications, "Aspirant applications", ReturnUnit.Count,
            "Applications to an Aspirant Directors cohort submitted in the period (London day of submission; drafts never count).")
        { AddsUpOverQuarters = true },
        new(Selected, "Aspirants selected", ReturnUnit.Count,
            "Applications whose outcome is selected, counted on the day the cohort's decisions were released; for a cohort loaded by import without that day, on the day its last application was submitted.")
        { AddsUpOverQuarters = true },
        new(Completed, "Aspirants completed", ReturnUnit.Count,
            "Aspirants recorded as having completed their cohort, counted on the cohort's end: its end date, else its last taught day, else 31 March of the financial year its name gives (cohort 2021-22 ends on 31 March 2022).")
        { AddsUpOverQuarters = true },
        new(BecameDcs, "Aspirant alumni appointed DCS", ReturnUnit.Count,
            "Aspirants who completed their cohort and whose first DCS appointment in the register since applying (same email, or the person staff confirmed) started in the period.")
        { AddsUpOverQuarters = true },
    ];

    public async Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var cohorts = await db.AspirantCohorts.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.EndsOn,
                c.DecisionsReleasedAt,
                c.Imported,
                LastTaughtDay = c.TaughtDays.Max(d => (LocalDate?)d.Date),
            })
            .ToListAsync(cancellationToken);
        var applications = await db.AspirantApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Submitted && a.SubmittedAt != null)
            .Select(a => new { a.Id, a.CohortId, a.Email, a.ConfirmedPersonKey, SubmittedAt = a.SubmittedAt!.Value, a.Outcome, a.Completed })
            .ToListAsync(cancellationToken);

        var lastSubmission = applications.GroupBy(a => a.CohortId).ToDictionary(g => g.Key, g => g.Max(a => a.SubmittedAt));
        var decidedOn = cohorts.ToDictionary(c => c.Id, c =>
            c.DecisionsReleasedAt is { } released ? released.InZone(Time.London).Date
            : c.Imported && lastSubmission.TryGetValue(c.Id, out var last) ? last.InZone(Time.London).Date
            : (LocalDate?)null);
        var endedOn = cohorts.ToDictionary(c => c.Id, c => CohortEnd.Of(c.EndsOn, c.LastTaughtDay, c.Name));

        var completed = applications.Where(a => a.Completed == true).ToList();
        var appointed = await alumni.FirstAppointmentsAsync(
            [.. completed.Select(a => new AlumniCandidate(a.Id, a.Email, a.ConfirmedPersonKey, a.SubmittedAt))], cancellationToken);

        var measures = new ReturnMeasures();
        foreach (var period in periods)
        {
            measures.Add(period, Applications, ReturnMeasure.Count(applications.Count(a => period.Contains(a.SubmittedAt.InZone(Time.London).Date))));
            measures.Add(period, Selected, ReturnMeasure.Count(applications.Count(a =>
                a.Outcome == SelectionOutcome.Selected && decidedOn[a.CohortId] is { } day && period.Contains(day))));
            measures.Add(period, Completed, ReturnMeasure.Count(completed.Count(a => endedOn[a.CohortId] is { } day && period.Contains(day))));
            measures.Add(period, BecameDcs, ReturnMeasure.Count(appointed.Values.Count(a => period.Contains(a.Started))));
        }
        return measures.ToDictionary();
    }
}
