using Microsoft.AspNetCore.Authorization;
using Upon.Disclosure;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>Feedback after sessions for staff: the programme over time, each strand's years, and each session.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(FeedbackResults results, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public IReadOnlyList<(string Year, GroupMeans Means)> Years { get; private set; } = [];
    public IReadOnlyList<StrandYear> StrandYears { get; private set; } = [];
    public IReadOnlyList<SessionLine> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await results.YearsAsync(Rule, null, cancellationToken);
        StrandYears = await results.StrandYearsAsync(Rule, null, cancellationToken);
        Sessions = await results.SessionsAsync(Rule, null, cancellationToken);
    }
}
