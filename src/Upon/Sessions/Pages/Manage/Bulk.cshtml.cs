using Upon.Core;
using NodaTime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// Creates a series of sessions in two steps: the details and a recurrence, then a preview of every date, with bank
/// holidays, past dates and clashes flagged, where staff untick the dates they do not want. Confirming creates the ticked
/// sessions in one transaction.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class BulkModel(SessionService sessions, SessionQueries queries, SessionWarnings warnings, IClock clock) : PageModel
{
    [BindProperty]
    public BulkSessionForm Form { get; set; } = new();

    public IReadOnlyList<SessionGroup> Groups { get; private set; } = [];

    /// <summary>The dates to confirm, once the form is valid; null while the form is shown.</summary>
    public BulkPlan? Plan { get; private set; }

    public async Task OnGetAsync(int? strand, CancellationToken cancellationToken)
    {
        Groups = await queries.GroupsAsync(cancellationToken);
        Form.Repeat = BulkSessionForm.Weekly;
        Form.Interval = "1";
        if (strand is { } id)
        {
            Form.Group = Groups.FirstOrDefault(g => g.StrandId == id && g.CohortId is null)?.Value;
        }
    }

    /// <summary>Checks the form and shows every date, all ticked.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await PlanAsync(cancellationToken) is { } plan)
        {
            Form.Dates = [.. plan.Creatable.Select(o => o.Value)];
        }
        return Page();
    }

    /// <summary>Back from the preview to the form, as it was filled in.</summary>
    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        Groups = await queries.GroupsAsync(cancellationToken);
        ModelState.Clear();
        return Page();
    }

    /// <summary>Creates a session on each ticked date.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var ticked = Form.Dates.ToHashSet(StringComparer.Ordinal);
        if (await PlanAsync(cancellationToken) is not { } plan)
        {
            return Page();
        }
        var chosen = plan.Creatable.Where(o => ticked.Contains(o.Value)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("Dates", "Select at least one date to create a session on");
            return Page();
        }
        var created = await sessions.CreateManyAsync([.. chosen.Select(o => o.Details!)], cancellationToken);
        if (!created.Succeeded)
        {
            Plan = null;
            SessionFormBase.AddErrors(ModelState, created.Errors);
            return Page();
        }
        var first = chosen[0].Details!;
        TempData["Success"] = created.Ids.Count == 1
            ? "1 session created"
            : $"{created.Ids.Count} sessions created, from {SessionFormat.ShortDateOf(chosen[0].Date)} to {SessionFormat.ShortDateOf(chosen[^1].Date)}";
        return Redirect(first.CohortId is { } cohort ? SessionPages.ListUrlForCohort(first.StrandId, cohort) : SessionPages.ListUrlFor(first.StrandId));
    }

    private async Task<BulkPlan?> PlanAsync(CancellationToken cancellationToken)
    {
        Groups = await queries.GroupsAsync(cancellationToken);
        if (Form.Validate(ModelState, Groups, clock.TodayInLondon()) is not { } plan)
        {
            return null;
        }
        var creatable = plan.Creatable.ToList();
        var found = creatable.Count == 0
            ? []
            : await warnings.ForManyAsync(creatable[0].Details!.StrandId, creatable[0].Details!.CohortId,
                [.. creatable.Select(o => (o.Details!.Start, o.Details.End))], cancellationToken: cancellationToken);
        var byDate = creatable.Select((o, i) => (o.Date, Warnings: found[i])).ToDictionary(x => x.Date, x => x.Warnings);
        Plan = plan with
        {
            Occurrences = [.. plan.Occurrences.Select(o => byDate.TryGetValue(o.Date, out var w) ? o with { Warnings = w } : o)],
        };
        return Plan;
    }
}
