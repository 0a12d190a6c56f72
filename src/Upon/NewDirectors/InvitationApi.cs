using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Upon.Shared.Security;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;

namespace Upon.NewDirectors;

/// <summary><c>GET /api/reports/invitations[?year=2023-24]</c>: the New Directors invitation figures, for staff and the funder.</summary>
public static class InvitationApi
{
    public static IEndpointRouteBuilder MapInvitationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/invitations", GetInvitations).RequireAuthorization(Policies.Aggregates).WithTags("New Directors").WithName("GetInvitationFigures")
            .WithSummary("New Directors invitation figures: every financial year of the first post's start, or one with ?year=2023-24. For the " +
                "Funder role small numbers are suppressed: each year has a suppressed list naming its fields that are null because they are suppressed.")
            .WithDescription("Administrators and partner staff get the exact figures (InvitationYearFigures), as `upon report invitations --format json` " +
                "prints them: financialYear, firstTimeDirectors, invited, invitedWithin14Days, invitedWithin14DaysRate, medianDaysToInvitation, " +
                "accepted, declined, awaitingAnswer, recordedLate and medianDaysRecordedLate (definitions in the README). The Funder role gets the " +
                "same fields with small-number suppression applied (SuppressedInvitationYearFigures): a count from 1 to " +
                "Disclosure:SmallNumberThreshold - 1 (1 to 4 by default), and any figure that would give one away, is null, and its field name is " +
                "listed in `suppressed`. Zero is shown. A null not listed in `suppressed` is a figure that is not available (a rate with no " +
                "first-time directors, a median over nobody). No person-level record is ever returned.")
            .Produces(StatusCodes.Status200OK).AddOpenApiOperationTransformer(DescribeShapes)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetInvitations(
        string? year, ClaimsPrincipal user, InvitationFigureCache figures, FigureDisclosure disclosure, CancellationToken cancellationToken)
    {
        FinancialYear? only = null;
        if (year is not null)
        {
            if (!FinancialYear.TryParse(year, out var parsed))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid financial year",
                    detail: $"'{year}' is not a financial year: use the form 2023-24.");
            }
            only = parsed;
        }
        var rule = FigureDisclosure.SeesExactFigures(user) ? null : disclosure.Suppression;
        return FigureJson.Result(await figures.JsonAsync(rule, only, cancellationToken), only);
    }

    /// <summary>Documents the 200 response as one of its four shapes: every year or one, exact for staff or suppressed for the funder.</summary>
    private static async Task DescribeShapes(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var shapes = new List<IOpenApiSchema>();
        foreach (var type in new[] { typeof(InvitationYearFigures), typeof(SuppressedInvitationYearFigures) })
        {
            context.Document!.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            var year = new OpenApiSchemaReference(type.Name, context.Document);
            shapes.Add(new OpenApiSchema { Type = JsonSchemaType.Array, Items = year });
            shapes.Add(year);
        }
        operation.Responses![StatusCodes.Status200OK.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = "OK",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = shapes } },
            },
        };
    }
}
