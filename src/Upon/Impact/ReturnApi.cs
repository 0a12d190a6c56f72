using System.Security.Claims;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact;

/// <summary><c>GET /api/reports/dfe-return?period=2026-27-Q2</c>: the DfE contract return, for staff and the funder.</summary>
public static class ReturnApi
{
    public static IEndpointRouteBuilder MapReturnApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/dfe-return", GetReturn).RequireAuthorization(Policies.Aggregates).WithTags("Impact").WithName("GetDfeReturn")
            .WithSummary("The DfE contract return of a financial quarter (2026-27-Q2; April to June is Q1) or year (2026-27): each key figure with " +
                "its definition, this period, the last period and the same period last year.")
            .WithDescription("Administrators and partner staff get the exact figures (view `exact`), or the funder's with `view=funder`. The Funder " +
                "role always gets its own view: small numbers suppressed across every figure it can see, each suppressed value null and its column " +
                "named in the figure's `suppressed` list. Once staff have marked a return as submitted, the figures are served as submitted " +
                "(`status` submitted or revised, with `version`). A malformed period, one before 2000 or one not yet begun answers 400. The answer carries an ETag: send it back in " +
                "If-None-Match and an unchanged answer is 304 Not Modified.")
            .Produces<DfeReturnDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetReturn(
        string? period, string? view, ClaimsPrincipal user, ReturnReport report, ImpactFigureCache figures, FigureDisclosure disclosure,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(period))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Period required",
                detail: "Give the period, as ?period=2026-27-Q2 for a quarter or ?period=2026-27 for a year.");
        }
        if (report.Problem(period, out var parsed) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid period", detail: problem);
        }
        if (view is not (null or DfeReturnDocument.ExactView or DfeReturnDocument.FunderView))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid view", detail: $"'{view}' is not a view: use exact or funder.");
        }
        var exact = FigureDisclosure.SeesExactFigures(user) && view != DfeReturnDocument.FunderView;
        var json = await figures.ReturnJsonAsync(parsed, disclosure.Suppression, exact, cancellationToken);
        return FigureReader.Serve(json, FigureJson.ContentType);
    }
}
