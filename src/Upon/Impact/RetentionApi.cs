using System.Security.Claims;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact;

/// <summary><c>GET /api/reports/retention[?asOf=2025-03-31]</c>: the retention evaluation, for staff and the funder.</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/retention", GetRetention).RequireAuthorization(Policies.Aggregates).WithTags("Impact").WithName("GetRetention")
            .WithSummary("The New Directors retention evaluation as of a day (today by default, or ?asOf=YYYY-MM-DD).")
            .WithDescription("Administrators and partner staff get the exact figures, as `upon report retention --format json` prints them: " +
                "asOf, landmarkDays, groups [{group: participants|comparison, n, events, medianMonths, survival12, survival24, survival36}], " +
                "logRank {chiSquare, pValue} and byType [{type: permanent|interim, groups, logRank}] (definitions in the README). Figures are " +
                "unrounded; a figure that does not exist is null. The Funder role gets the same shape with small numbers suppressed: a " +
                "suppressed figure is null and named in `suppressed` (such as `participants.n` or `interim.logRank`). An as-of day that " +
                "is not a date, or outside 1 January 2000 to a year after today, answers 400. The answer carries an ETag: send it " +
                "back in If-None-Match and an unchanged answer is 304 Not Modified.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetRetention(
        string? asOf, ClaimsPrincipal user, RetentionEvaluation evaluation, ImpactFigureCache figures, FigureDisclosure disclosure,
        CancellationToken cancellationToken)
    {
        var (day, error) = evaluation.ParseAsOf(asOf);
        if (error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid as-of date", detail: error);
        }
        var json = await figures.RetentionJsonAsync(day, FigureDisclosure.SeesExactFigures(user) ? null : disclosure.Suppression, cancellationToken);
        return FigureReader.Serve(json, "application/json");
    }
}
