using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core.Sessions;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// Every session, filtered by strand, cohort, type, status and whether it is upcoming or past, with its places booked and
/// its waiting list.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class IndexModel(SessionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "strand")]
    public string? Strand { get; set; }

    [BindProperty(SupportsGet = true, Name = "cohort")]
    public string? Cohort { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary><c>upcoming</c> (the default), <c>past</c> or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "when")]
    public string? When { get; set; }

    public SessionFilter Filter { get; private set; } = new();

    public IReadOnlyList<Strand> Strands { get; private set; } = [];

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    /// <summary>The time the list was made, which decides whether a session shows as held.</summary>
    public Instant Now { get; private set; }

    public bool Filtered => Filter != new SessionFilter();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = queries.Now;
        Strands = await queries.StrandsAsync(cancellationToken);
        var strandId = ParseId(Strand);
        var cohortId = ParseId(Cohort);
        if (strandId is { } s && Strands.All(x => x.Id != s))
        {
            strandId = null;
        }
        var cohort = Strands.SelectMany(x => x.Cohorts).FirstOrDefault(c => c.Id == cohortId);
        if (cohort is null || (strandId is { } chosen && cohort.StrandId != chosen))
        {
            cohortId = null;
        }
        Filter = new SessionFilter(
            strandId ?? cohort?.StrandId,
            cohortId,
            SessionCodes.TryParseType(Type, out var type) ? type : null,
            SessionCodes.TryParseStatus(Status, out var status) ? status : null,
            When switch
            {
                "past" => SessionPeriod.Past,
                "all" => SessionPeriod.All,
                _ => SessionPeriod.Upcoming,
            });
        Sessions = await queries.ListAsync(Filter, cancellationToken);
    }

    public static string PeriodCode(SessionPeriod period) => period switch
    {
        SessionPeriod.Past => "past",
        SessionPeriod.All => "all",
        _ => "upcoming",
    };

    private static int? ParseId(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
