using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Core.Aspirants;
using Upon.Core.Equality;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>The funnel's stages, in order (README, "Aspirant Directors: definitions").</summary>
public static class FunnelStages
{
    public const string Applied = "applied";
    public const string Eligible = "eligible";
    public const string Reviewed = "reviewed";
    public const string Selected = "selected";
    public const string Accepted = "accepted";
    public const string Completed = "completed";
    public const string BecameDcs = "becameDcs";

    public static readonly IReadOnlyList<string> All = [Applied, Eligible, Reviewed, Selected, Accepted, Completed, BecameDcs];

    public static string Label(string stage) => stage switch
    {
        Applied => "Applied",
        Eligible => "Eligible",
        Reviewed => "Reviewed",
        Selected => "Selected",
        Accepted => "Accepted",
        Completed => "Completed",
        BecameDcs => "Became a DCS",
        _ => stage,
    };
}

/// <summary>The ethnicity groups of the stage figures: DfE's White major group, the global majority, and unknown (prefer not to say or no answer).</summary>
public enum EthnicityGroup
{
    White,
    GlobalMajority,
    Unknown,
}

/// <summary>One submitted application as the funnel sees it: which stages it reached. No name, no answers.</summary>
public sealed record FunnelApplication(int Key, string ApplicationId, IReadOnlySet<string> Stages);

/// <summary>A cohort's funnel: each submitted application's stages, and the equality groups kept apart (by application key).</summary>
public sealed record CohortFunnel(
    AspirantCohort Cohort, IReadOnlyList<FunnelApplication> Applications, CohortScoreSheet Scores,
    IReadOnlyDictionary<int, EthnicityGroup> Ethnicity, IReadOnlyDictionary<int, MonitoringSex?> Sex, IReadOnlyDictionary<int, YesNoPreferNot?> Disabled)
{
    public int Count(string stage) => Applications.Count(a => a.Stages.Contains(stage));

    public int Count(string stage, EthnicityGroup group) =>
        Applications.Count(a => a.Stages.Contains(stage) && Ethnicity.GetValueOrDefault(a.Key, EthnicityGroup.Unknown) == group);

    /// <summary>(White at the stage / White applied) / (global majority at the stage / global majority applied); null when undefined.</summary>
    public double? RelativeLikelihoodWhite(string stage) => RelativeLikelihood.Of(
        Count(stage, EthnicityGroup.White), Count(FunnelStages.Applied, EthnicityGroup.White),
        Count(stage, EthnicityGroup.GlobalMajority), Count(FunnelStages.Applied, EthnicityGroup.GlobalMajority));

    public int Count(string stage, MonitoringSex sex) => Applications.Count(a => a.Stages.Contains(stage) && Sex.GetValueOrDefault(a.Key) == sex);

    /// <summary>(Men at the stage / men applied) / (women at the stage / women applied); null when undefined.</summary>
    public double? RelativeLikelihoodMale(string stage) => RelativeLikelihood.Of(
        Count(stage, MonitoringSex.Male), Count(FunnelStages.Applied, MonitoringSex.Male),
        Count(stage, MonitoringSex.Female), Count(FunnelStages.Applied, MonitoringSex.Female));

    public int Count(string stage, YesNoPreferNot disabled) => Applications.Count(a => a.Stages.Contains(stage) && Disabled.GetValueOrDefault(a.Key) == disabled);

    /// <summary>(Non-disabled at the stage / non-disabled applied) / (disabled at the stage / disabled applied); null when undefined.</summary>
    public double? RelativeLikelihoodNonDisabled(string stage) => RelativeLikelihood.Of(
        Count(stage, YesNoPreferNot.No), Count(FunnelStages.Applied, YesNoPreferNot.No),
        Count(stage, YesNoPreferNot.Yes), Count(FunnelStages.Applied, YesNoPreferNot.Yes));
}

/// <summary>
/// Works out which stage each submitted application of a cohort reached, and the equality groups of the aggregate
/// figures. Reading the equality answers is written to the audit log first (the figures are aggregates, but the read
/// is of special-category data).
/// </summary>
public sealed class AspirantFunnel(UponDbContext db, CohortScoring scoring, AlumniMatching alumni, AuditLog audit)
{
    public async Task<AspirantCohort?> FindCohortAsync(string name, CancellationToken cancellationToken = default) =>
        await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name.Trim(), cancellationToken);

    public async Task<CohortFunnel> LoadAsync(int cohortId, string why, CancellationToken cancellationToken = default)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().Include(c => c.TaughtDays).SingleAsync(c => c.Id == cohortId, cancellationToken);
        var scores = await scoring.ScoreAsync(cohortId, cancellationToken);
        var rows = await db.AspirantApplications.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted)
            .Select(a => new
            {
                a.Id, a.ApplicationId, a.Email, a.ConfirmedPersonKey, a.SubmittedAt, a.YearsSenior, a.TiersBelowDcs,
                Endorsed = a.Endorsement == null ? null : a.Endorsement.Endorsed,
                a.ImportedEligible, a.EligibilityOverride, a.Outcome, a.Offer, a.Completed, a.Imported,
            })
            .ToListAsync(cancellationToken);
        var rules = AspirantEligibility.RulesOf(cohort);
        var released = cohort.DecisionsReleasedAt is not null;
        var dcs = await alumni.FirstAppointmentsAsync(rows.Select(r => new AlumniCandidate(r.Id, r.Email, r.ConfirmedPersonKey, r.SubmittedAt)).ToList(), cancellationToken);

        var applications = rows.OrderBy(r => r.ApplicationId, StringComparer.Ordinal).Select(r =>
        {
            var stages = new HashSet<string>(StringComparer.Ordinal) { FunnelStages.Applied };
            var eligible = Eligibility.Decide(r.EligibilityOverride, r.ImportedEligible, Eligibility.Evaluate(rules, new EligibilityAnswers(r.YearsSenior, r.TiersBelowDcs, r.Endorsed)));
            if (eligible) stages.Add(FunnelStages.Eligible);
            if (scores.For(r.Id) is { Reviews: > 0 }) stages.Add(FunnelStages.Reviewed);
            if (r.Outcome == SelectionOutcome.Selected && (released || r.Imported)) stages.Add(FunnelStages.Selected);
            if (r.Offer == OfferStatus.Accepted) stages.Add(FunnelStages.Accepted);
            if (r.Completed == true)
            {
                stages.Add(FunnelStages.Completed);
                if (dcs.ContainsKey(r.Id)) stages.Add(FunnelStages.BecameDcs);
            }
            return new FunnelApplication(r.Id, r.ApplicationId, stages);
        }).ToList();

        await audit.RecordViewAsync(nameof(AspirantEqualityMonitoring), cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), why, cancellationToken);
        var equality = await db.AspirantEqualityMonitoring.AsNoTracking().Where(e => e.CohortId == cohortId)
            .Select(e => new { e.ApplicationKey, e.EthnicityCode, e.Sex, e.Disabled }).ToListAsync(cancellationToken);
        var ethnicity = equality.ToDictionary(e => e.ApplicationKey, e =>
            e.EthnicityCode is { } code && Core.Equality.Ethnicity.TryFind(code, out var group)
                ? Core.Equality.Ethnicity.IsGlobalMajority(group) ? EthnicityGroup.GlobalMajority : EthnicityGroup.White
                : EthnicityGroup.Unknown);
        return new CohortFunnel(cohort, applications, scores, ethnicity,
            equality.ToDictionary(e => e.ApplicationKey, e => e.Sex), equality.ToDictionary(e => e.ApplicationKey, e => e.Disabled));
    }
}

/// <summary>A cohort's eligibility rules as Core reads them.</summary>
public static class AspirantEligibility
{
    public static EligibilityRules RulesOf(AspirantCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return new EligibilityRules(cohort.MinYearsSenior, cohort.MaxTiersBelowDcs, cohort.RequireEndorsement);
    }
}
