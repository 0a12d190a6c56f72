using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Feedback.Pages.Admin;

/// <summary>Staff see the problems people reported, newest first, filtered by status, with a count for each.</summary>
[Authorize(Policy = Policies.Staff)]
public class IndexModel(ProblemReports reports) : PageModel
{
    public const int PageSize = 200;

    /// <summary><c>new</c>, <c>in-progress</c>, <c>closed</c>; anything else shows every report.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public ProblemStatus? Filter { get; private set; }

    public IReadOnlyDictionary<ProblemStatus, int> Counts { get; private set; } = new Dictionary<ProblemStatus, int>();

    public int Total => Counts.Values.Sum();

    public IReadOnlyList<ProblemReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = ProblemStatuses.TryParseSlug(Status, out var status) ? status : null;
        Counts = await reports.CountsAsync(cancellationToken);
        Reports = await reports.ListAsync(Filter, PageSize, cancellationToken);
    }

    /// <summary>The first line of a message, cut short for the list.</summary>
    public static string Summary(string message, int length = 120)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1).TrimEnd(), "…");
    }
}
