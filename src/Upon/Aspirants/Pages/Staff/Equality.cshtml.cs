using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Disclosure;
using Upon.Data;
using Upon.Disclosure;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>One stage's figures, suppressed: the total and its parts by group, and the relative likelihoods.</summary>
public sealed record StageFigures(string Stage, DisclosedBreakdown Ethnicity, DisclosedBreakdown Sex, DisclosedBreakdown Disability,
    Disclosed<double?> White, Disclosed<double?> Male, Disclosed<double?> NonDisabled);

/// <summary>
/// Equality at each stage, for administrators: counts by group and the relative likelihoods, in aggregate only and never
/// beside an application, small numbers suppressed as for the funder. Reading the answers is audited.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class EqualityModel(UponDbContext db, AspirantFunnel funnels, FigureDisclosure disclosure) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<StageFigures> Stages { get; private set; } = [];
    public int Threshold => disclosure.Suppression.Threshold;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        var funnel = await funnels.LoadAsync(id, "equality at each stage (aggregates)", cancellationToken);
        var rule = disclosure.Suppression;
        Stages = [.. FunnelStages.All.Select(stage =>
        {
            var ethnicity = rule.Breakdown(funnel.Count(stage), [funnel.Count(stage, EthnicityGroup.White), funnel.Count(stage, EthnicityGroup.GlobalMajority), funnel.Count(stage, EthnicityGroup.Unknown)]);
            var female = funnel.Count(stage, MonitoringSex.Female);
            var male = funnel.Count(stage, MonitoringSex.Male);
            var sex = rule.Breakdown(funnel.Count(stage), [female, male, funnel.Count(stage) - female - male]);
            var disabled = funnel.Count(stage, YesNoPreferNot.Yes);
            var notDisabled = funnel.Count(stage, YesNoPreferNot.No);
            var disability = rule.Breakdown(funnel.Count(stage), [disabled, notDisabled, funnel.Count(stage) - disabled - notDisabled]);
            var applied = funnel.Count(FunnelStages.Applied);
            Disclosed<double?> Ratio(double? value, params int[] counts) =>
                DisclosureRule.DerivedFrom(value, [.. counts.Select(rule.Count)]);
            return new StageFigures(FunnelStages.Label(stage), ethnicity, sex, disability,
                Ratio(funnel.RelativeLikelihoodWhite(stage), funnel.Count(stage, EthnicityGroup.White), funnel.Count(FunnelStages.Applied, EthnicityGroup.White), funnel.Count(stage, EthnicityGroup.GlobalMajority), funnel.Count(FunnelStages.Applied, EthnicityGroup.GlobalMajority)),
                Ratio(funnel.RelativeLikelihoodMale(stage), male, funnel.Count(FunnelStages.Applied, MonitoringSex.Male), female, funnel.Count(FunnelStages.Applied, MonitoringSex.Female)),
                Ratio(funnel.RelativeLikelihoodNonDisabled(stage), notDisabled, funnel.Count(FunnelStages.Applied, YesNoPreferNot.No), disabled, funnel.Count(FunnelStages.Applied, YesNoPreferNot.Yes)));
        })];
        return Page();
    }
}
