using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Disclosure;
using Upon.Shared.Files;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary><c>/feedback/export.csv</c>: each session's results; <c>/feedback/export.xlsx</c>: those, each strand's years, and the comments.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExportModel(FeedbackResults results, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        var sessions = await results.SessionsAsync(Rule, null, cancellationToken);
        if (format == "csv")
        {
            await using var text = new StringWriter();
            FeedbackExports.WriteSessionsCsv(text, sessions);
            return File(SafeCsv.Utf8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "upon-feedback-sessions.csv");
        }
        if (format != "xlsx")
        {
            return NotFound();
        }
        var years = await results.StrandYearsAsync(Rule, null, cancellationToken);
        var detailed = new List<SessionFeedbackResults>();
        foreach (var session in sessions.Where(s => FeedbackDisclosureShown(s)))
        {
            if (await results.ForSessionAsync(session.SessionId, Rule, cancellationToken) is { } found)
            {
                detailed.Add(found);
            }
        }
        return File(FeedbackExports.Workbook(sessions, years, detailed), XlsxType, "upon-feedback.xlsx");
    }

    private bool FeedbackDisclosureShown(SessionLine session) => Core.SessionFeedback.FeedbackDisclosure.ResultsShown(Rule, session.Means.Answers);
}
