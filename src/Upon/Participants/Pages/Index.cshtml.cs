using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared;

namespace Upon.Participants.Pages;

/// <summary>Staff's list of participants: search by name or email, filter by strand, cohort and status, with counts of each status.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ParticipantDirectory directory, UponDbContext db) : PageModel
{
    /// <summary>Part of a name or an email address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Strand { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cohort { get; set; }

    /// <summary><c>current</c>, <c>starting</c>, <c>finished</c> or <c>not-enrolled</c>; anything else shows everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public ParticipantStatus? Filter { get; private set; }

    public IReadOnlyList<Strand> Strands { get; private set; } = [];

    public IReadOnlyList<Cohort> Cohorts { get; private set; } = [];

    public ParticipantList List { get; private set; } = new([], new Dictionary<ParticipantStatus, int>());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Strands = await db.Strands.AsNoTracking().OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        Cohorts = await db.Cohorts.AsNoTracking().Include(c => c.Strand).OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var strandId = Id(Strand, Strands.Select(s => s.Id), nameof(Strand), "Select a strand from the list");
        var cohortId = Id(Cohort, Cohorts.Select(c => c.Id), nameof(Cohort), "Select a cohort from the list");
        Filter = ParticipantStatuses.TryParseSlug(Status, out var status) ? status : null;
        if (Q is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(Q), "Search for 200 characters or fewer");
        }
        if (ModelState.ErrorCount > 0)
        {
            return;
        }
        List = await directory.SearchAsync(new ParticipantSearch(Q, strandId, cohortId, Filter), cancellationToken);
    }

    /// <summary>This list's address with another status (or none), keeping the search and filters.</summary>
    public string StatusUrl(ParticipantStatus? status)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }
        Add("q", Q);
        Add("strand", Strand);
        Add("cohort", Cohort);
        Add("status", status?.Slug());
        return query.Count == 0 ? ParticipantPages.List : $"{ParticipantPages.List}?{string.Join("&", query)}";
    }

    private int? Id(string? value, IEnumerable<int> known, string key, string error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && known.Contains(id))
        {
            return id;
        }
        ModelState.AddModelError(key, error);
        return null;
    }
}
