using System.Security.Claims;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Coaching;

/// <summary><c>GET /api/reports/coaching</c>: the coaching figures, for staff and the funder.</summary>
public static class CoachingApi
{
    public static IEndpointRouteBuilder MapCoachingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/coaching", GetCoaching).RequireAuthorization(Policies.Aggregates).WithTags("Coaching").WithName("GetCoachingFigures")
            .WithSummary("Coaching figures: coaches in the pool, coachees, sessions and hours by strand and month, share of entitlement used, and " +
                "each published round's match rate and wishes met.")
            .WithDescription("The same shape for every role, as `upon report coaching --format json` prints it (definitions in the README). " +
                "Administrators and partner staff get the exact figures, every `suppressed` list empty. The Funder role gets small-number " +
                "suppression: a count from 1 to Disclosure:SmallNumberThreshold - 1, and any figure that would give one away, is null and " +
                "named in its object's `suppressed` list. A null not named there is a figure that is not available. No person-level record " +
                "and no one's wishes are ever returned. The answer carries an ETag: send it back in If-None-Match and an unchanged " +
                "answer is 304 Not Modified.")
            .Produces<CoachingReportFigures>(StatusCodes.Status200OK);
        return app;
    }

    private static async Task<IResult> GetCoaching(ClaimsPrincipal user, CoachingFigureCache figures, FigureDisclosure disclosure, CancellationToken cancellationToken)
    {
        var json = await figures.JsonAsync(disclosure.RuleFor(user), cancellationToken);
        return FigureReader.Serve(json, FigureJson.ContentType);
    }
}
