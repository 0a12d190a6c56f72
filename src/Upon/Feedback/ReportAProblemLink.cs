using Microsoft.AspNetCore.Diagnostics;

namespace Upon.Feedback;

/// <summary>The footer's "Report a problem" link, carrying the path of the page it is on.</summary>
public static class ReportAProblemLink
{
    public const string Path = "/report-a-problem";

    /// <summary>
    /// <c>/report-a-problem?page=%2Fregister</c>. On an error page, the page that failed rather than <c>/error/500</c>.
    /// Only the path goes: a query can hold a token or a search for a person.
    /// </summary>
    public static string For(HttpContext context)
    {
        var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path.Value;
        var page = ProblemReports.LocalPath(string.Concat(context.Request.PathBase.Value, path));
        return page is null ? Path : $"{Path}?page={Uri.EscapeDataString(page)}";
    }
}
