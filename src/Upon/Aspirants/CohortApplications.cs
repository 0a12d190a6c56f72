using Microsoft.EntityFrameworkCore;
using Upon.Core.Aspirants;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>A submitted application with its eligibility worked out, for staff (no equality answers).</summary>
public sealed record ApplicationEligibility(AspirantApplication Application, EligibilityResult Rules, bool Eligible);

/// <summary>Reads a cohort's submitted applications with their eligibility: staff override, else imported record, else rules.</summary>
public sealed class CohortApplications(UponDbContext db)
{
    public async Task<IReadOnlyList<ApplicationEligibility>> ListAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleAsync(c => c.Id == cohortId, cancellationToken);
        var rules = AspirantEligibility.RulesOf(cohort);
        var applications = await db.AspirantApplications.AsNoTracking().Include(a => a.Endorsement).Include(a => a.Authority)
            .Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.ApplicationId)
            .ToListAsync(cancellationToken);
        return [.. applications.Select(a => Evaluate(rules, a))];
    }

    public static ApplicationEligibility Evaluate(EligibilityRules rules, AspirantApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = Eligibility.Evaluate(rules, new EligibilityAnswers(a.YearsSenior, a.TiersBelowDcs, a.Endorsement?.Endorsed));
        return new ApplicationEligibility(a, result, Eligibility.Decide(a.EligibilityOverride, a.ImportedEligible, result));
    }

    /// <summary>The keys of the cohort's eligible submitted applications.</summary>
    public async Task<IReadOnlyCollection<int>> EligibleKeysAsync(int cohortId, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cohortId, cancellationToken)).Where(a => a.Eligible).Select(a => a.Application.Id)];
}
