using Microsoft.EntityFrameworkCore;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>The return's New Directors figures: first-time directors and their invitations, enrolments, core attendance, completions.</summary>
public sealed class ReturnNewDirectorsSection(UponDbContext db, InvitationReport invitations, TurnoverReport turnover) : IDfeReturnSection
{
    public const string FirstTimeDirectors = "firstTimeDirectors";
    public const string InvitedWithin14DaysShare = "invitedWithin14DaysShare";
    public const string Enrolled = "enrolled";
    public const string CoreAttendanceShare = "coreAttendanceShare";
    public const string Completions = "completions";

    /// <summary>The session types of the New Directors core programme: the virtual workshops and the residentials.</summary>
    public static readonly IReadOnlyList<SessionType> CoreTypes = [SessionType.VirtualWorkshop, SessionType.Residential];

    public string Key => "new-directors";

    public string Title => "New Directors";

    public int Order => 10;

    public IReadOnlyList<ReturnFigureDefinition> Figures { get; } =
    [
        new(FirstTimeDirectors, "First-time directors", ReturnUnit.Count,
            "People whose earliest DCS appointment anywhere in the register starts in the period (interim and acting posts count; each person once), from NewDirectors:InvitingSince. For a year, the same figure as the invitation figures' firstTimeDirectors.")
        { AddsUpOverQuarters = true },
        new(InvitedWithin14DaysShare, "Share of first-time directors invited within 14 days", ReturnUnit.Share,
            "Of the first-time directors whose first post starts in the period, those first sent a New Directors invitation on or before their start date plus 14 days. In a period not yet over, directors whose 14 days have not run out count as not yet invited.")
        { AddsUpOverQuarters = true },
        new(Enrolled, "Enrolled", ReturnUnit.Count,
            "New Directors enrolments that start in the period: people who joined the programme, by accepting their invitation or being enrolled by staff.")
        { AddsUpOverQuarters = true },
        new(CoreAttendanceShare, "Core programme attendance", ReturnUnit.Share,
            "Of the attendance marks recorded at New Directors core sessions (virtual workshops and residentials, not cancelled) starting in the period, the share that are present, late or left early; apologies and absences are the rest.")
        { AddsUpOverQuarters = true },
        new(Completions, "Completions", ReturnUnit.Count,
            "New Directors enrolments that became completed in the period (the day the completed status took effect), each enrolment once.")
        { AddsUpOverQuarters = true },
    ];

    public async Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var directors = await invitations.FirstTimeDirectorsAsync(null, cancellationToken);
        var turnoverFirstTime = (await turnover.AllYearsAsync(cancellationToken)).ToDictionary(t => t.FinancialYear, t => t.FirstTimeDirectors);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.Strand!.Slug == StrandSetup.NewDirectorsSlug)
            .Select(e => new { e.Id, e.StartsOn })
            .ToListAsync(cancellationToken);
        var completions = (await db.EnrolmentStatusChanges.AsNoTracking()
                .Where(c => c.Status == EnrolmentStatus.Completed && c.Enrolment!.Strand!.Slug == StrandSetup.NewDirectorsSlug)
                .Select(c => new { c.EnrolmentId, c.From })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.EnrolmentId)
            .Select(g => g.Min(c => c.From))
            .ToList();
        var marks = await db.AttendanceRecords.AsNoTracking()
            .Where(r => r.Session!.Strand!.Slug == StrandSetup.NewDirectorsSlug && r.Session.Status != SessionStatus.Cancelled && CoreTypes.Contains(r.Session.Type))
            .Select(r => new { r.Session!.Start, r.Mark })
            .ToListAsync(cancellationToken);

        var measures = new ReturnMeasures();
        foreach (var period in periods)
        {
            var inPeriod = directors.Where(d => period.Contains(d.Fact.Start)).ToList();
            int? linked = period.IsYear && turnoverFirstTime.TryGetValue(period.Year.Label, out var appointments) ? appointments : null;
            measures.Add(period, FirstTimeDirectors, ReturnMeasure.Count(inPeriod.Count, linked));
            measures.Add(period, InvitedWithin14DaysShare, ReturnMeasure.Share(inPeriod.Count(d => d.Fact.InvitedWithin14Days), inPeriod.Count));
            measures.Add(period, Enrolled, ReturnMeasure.Count(enrolments.Count(e => period.Contains(e.StartsOn))));
            var marked = marks.Where(m => period.Contains(m.Start.Date)).ToList();
            var attended = marked.Count(m => m.Mark is AttendanceMark.Present or AttendanceMark.Late or AttendanceMark.LeftEarly);
            measures.Add(period, CoreAttendanceShare, ReturnMeasure.Share(attended, marked.Count));
            measures.Add(period, Completions, ReturnMeasure.Count(completions.Count(period.Contains)));
        }
        return measures.ToDictionary();
    }
}
