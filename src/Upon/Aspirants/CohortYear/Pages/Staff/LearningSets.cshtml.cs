using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Core.Aspirants;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.CohortYear.Pages.Staff;

/// <summary>One set as staff see it: its members and how far it is from the cohort's mix.</summary>
/// <param name="Sex">The set's imbalance by sex (<see cref="LearningSets.Imbalance"/>).</param>
/// <param name="GlobalMajority">By global majority.</param>
/// <param name="Kind">By kind of authority.</param>
/// <param name="Regions">How many regions its members come from.</param>
/// <param name="MostFromOneRegion">The most members from one region.</param>
public sealed record SetView(AspirantLearningSet Set, double Sex, double GlobalMajority, double Kind, int Regions, int MostFromOneRegion);

/// <summary>
/// A cohort's action learning sets: formed by the solver from everyone who accepted, shown with their balance and any
/// rule a set breaks, adjusted by moving members (with a warning when a rule breaks), then published (audited). Each
/// set's meetings are added on its own page. For administrators: the balance comes from the equality answers.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class LearningSetsModel(UponDbContext db, LearningSetService service, AuditLog audit) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<SetView> Sets { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int Accepted { get; private set; }
    public bool Published => Sets.Count > 0 && Sets.All(s => s.Set.PublishedAt is not null);
    public IReadOnlyDictionary<string, string> AuthorityNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<int, SetMember> Members { get; private set; } = new Dictionary<int, SetMember>();

    /// <summary>Members who accepted after the sets were published and were added to one automatically.</summary>
    public IReadOnlySet<int> LateJoiners { get; private set; } = new HashSet<int>();

    /// <summary>For each late joiner no set could take within the rules: what staff should do.</summary>
    public IReadOnlyList<string> LateWarnings { get; private set; } = [];

    /// <summary>People who accepted but are in no set (the sets were formed before they accepted).</summary>
    public int Unplaced { get; private set; }

    [BindProperty] public int? ApplicationKey { get; set; }
    [BindProperty] public int? ToSet { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFormAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.AspirantCohorts.AnyAsync(c => c.Id == id, cancellationToken)) return NotFound();
        try
        {
            await service.FormAsync(id, cancellationToken);
        }
        catch (LearningSetRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData["Notice"] = "The sets were formed: check them, move anyone as needed, then publish them";
        return Redirect($"/aspirants/{id}/learning-sets");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.AspirantCohorts.AnyAsync(c => c.Id == id, cancellationToken)) return NotFound();
        if (ApplicationKey is null) ModelState.AddModelError(nameof(ApplicationKey), "Select the person to move");
        if (ToSet is null) ModelState.AddModelError(nameof(ToSet), "Select the set to move them to");
        if (ModelState.IsValid)
        {
            try
            {
                var problems = await service.MoveAsync(id, ApplicationKey!.Value, ToSet!.Value, cancellationToken);
                TempData["Notice"] = $"Moved to set {ToSet}";
                if (problems.Count > 0) TempData["Warning"] = string.Join('\n', problems);
                return Redirect($"/aspirants/{id}/learning-sets");
            }
            catch (LearningSetRuleException e)
            {
                ModelState.AddModelError(nameof(ApplicationKey), e.Message);
            }
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.AspirantCohorts.AnyAsync(c => c.Id == id, cancellationToken)) return NotFound();
        try
        {
            await service.PublishAsync(id, cancellationToken);
        }
        catch (LearningSetRuleException e)
        {
            ModelState.AddModelError("", $"The sets cannot be published: {e.Message}");
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData["Notice"] = "The sets were published: their members can see them. Add each set's meetings.";
        return Redirect($"/aspirants/{id}/learning-sets");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        var sets = await service.SetsAsync(id, cancellationToken);
        // The balance is worked out from the equality answers (aggregates of a set, never a person's answer): audited.
        await audit.RecordViewAsync(nameof(AspirantEqualityMonitoring), id.ToString(CultureInfo.InvariantCulture), "Action learning sets' balance", cancellationToken);
        var members = await service.MembersAsync(id, cancellationToken);
        Members = members;
        Accepted = members.Count;
        var everyone = sets.SelectMany(s => s.Members).Select(m => members.GetValueOrDefault(m.ApplicationId)).OfType<SetMember>().ToList();
        Sets = [.. sets.Select(s =>
        {
            var inSet = s.Members.Select(m => members.GetValueOrDefault(m.ApplicationId)).OfType<SetMember>().ToList();
            var regions = inSet.Where(m => m.RegionCode is not null).GroupBy(m => m.RegionCode).Select(g => g.Count()).ToList();
            return new SetView(s,
                LearningSets.Imbalance(inSet, everyone, m => m.Sex),
                LearningSets.Imbalance(inSet, everyone, m => m.GlobalMajority is { } g ? (g ? "gm" : "white") : null),
                LearningSets.Imbalance(inSet, everyone, m => m.AuthorityKind),
                regions.Count, regions.DefaultIfEmpty(0).Max());
        })];
        Problems = await service.ProblemsAsync(id, cancellationToken);
        var late = sets.SelectMany(set => set.Members.Where(m => set.PublishedAt is { } published && m.Application?.OfferRespondedAt > published).Select(m => (set, m))).ToList();
        LateJoiners = late.Select(x => x.m.ApplicationId).ToHashSet();
        LateWarnings = [.. late.Where(x => x.set.Members.Count > LearningSets.MaxSize
                || (x.m.Application!.AuthorityCode is { } code && x.set.Members.Count(o => o.Application?.AuthorityCode == code) > 1))
            .Select(x => $"{x.m.Application!.FullName} accepted a place after the sets were published and was added to {x.set.Name}, the smallest set, because no set could take them within the rules: move someone so that the sets keep them.")];
        Unplaced = Sets.Count == 0 ? 0 : members.Keys.Except(sets.SelectMany(x => x.Members).Select(m => m.ApplicationId)).Count();
        var codes = members.Values.Select(m => m.AuthorityCode).OfType<string>().Distinct().ToList();
        AuthorityNames = await db.Authorities.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        RegionNames = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return true;
    }

    public static string Figure(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
