using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;

namespace Upon.Register;

/// <summary>The register's JSON API under <c>/api</c>, for partner systems and the DfE.</summary>
public static class RegisterApi
{
    public sealed record CurrentDcs(string PersonId, string Name, string Type, string Since);

    public sealed record AuthorityItem(string Code, string Name, string RegionCode, string Region, string? OperatingFrom, string? OperatingTo, CurrentDcs? CurrentDcs);

    public sealed record GssCodeItem(string Code, string Name, string RegionCode, string ValidFrom, string? ValidTo);

    public sealed record AppointmentItem(
        string AuthorityCode, string AuthorityName, string PersonId, string Name, string AppointmentType,
        string StartDate, string? EndDate, string? LeavingReason, bool? Unplanned);

    public sealed record AuthorityDetail(
        string Code, string Name, string RegionCode, string Region, string? OperatingFrom, string? OperatingTo,
        CurrentDcs? CurrentDcs, IReadOnlyList<GssCodeItem> GssCodes, IReadOnlyList<AppointmentItem> History);

    public sealed record PersonDetail(string PersonId, string GivenName, string FamilyName, IReadOnlyList<AppointmentItem> Appointments);

    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Register");
        api.MapGet("/authorities", ListAuthorities).RequireAuthorization(Policies.Staff).WithName("ListAuthorities").WithSummary("Authorities in operation today with their current DCS.");
        api.MapGet("/authorities/{code}", GetAuthority).RequireAuthorization(Policies.Staff).WithName("GetAuthority").WithSummary("An authority with its DCS history.");
        api.MapGet("/people/{personId}", GetPerson).RequireAuthorization(Policies.Staff).WithName("GetPerson").WithSummary("A person's DCS appointments.");
        api.MapGet("/reports/turnover", GetTurnover).RequireAuthorization(Policies.Aggregates).WithName("GetTurnover")
            .WithSummary("Turnover figures: every financial year, or one with ?year=2023-24. For the Funder role small numbers are " +
                "suppressed: each year has a suppressed list naming its fields that are null because they are suppressed.")
            .WithDescription("Administrators and partner staff get the exact figures (TurnoverFigures), as `upon report turnover --format json` " +
                "prints them. The Funder role gets the same fields with small-number suppression applied (SuppressedTurnoverFigures): a count " +
                "from 1 to Disclosure:SmallNumberThreshold - 1 (1 to 4 by default), and any figure that would give one away, is null, and " +
                "its field name is listed in `suppressed`, for example `\"changes\": null, ..., \"suppressed\": [\"changes\", " +
                "\"consecutiveYearsRising\"]`. Zero is shown. A null not listed in `suppressed` is a figure that is not available.")
            .Produces(StatusCodes.Status200OK).AddOpenApiOperationTransformer(DescribeTurnoverShapes)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<List<AuthorityItem>>> ListAuthorities(RegisterQueries queries, CancellationToken cancellationToken)
    {
        var authorities = await queries.AuthoritiesAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(authorities.Select(a => new AuthorityItem(a.Code, a.Name, a.RegionCode, a.RegionName,
            Iso(a.Period.From), Iso(a.Period.To), Current(a))).ToList());
    }

    private static async Task<Results<Ok<AuthorityDetail>, ProblemHttpResult>> GetAuthority(string code, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var authority = await queries.AuthorityAsync(code, cancellationToken);
        if (authority is null)
        {
            return NotFound($"No authority has the DfE number '{code}'.");
        }
        var today = queries.Today;
        var current = authority.Appointments.Where(a => a.IsInPostOn(today)).OrderByDescending(a => a.StartDate).FirstOrDefault();
        return TypedResults.Ok(new AuthorityDetail(
            authority.Code, authority.Name, authority.RegionCode, authority.Region?.Name ?? authority.RegionCode,
            Iso(authority.OperatingFrom), Iso(authority.OperatingTo),
            current is null ? null : new CurrentDcs(current.Person!.PersonId, current.Person.FullName, current.Type.ToCode(), Iso(current.StartDate)!),
            [.. authority.GssCodes.OrderBy(g => g.ValidFrom).Select(g => new GssCodeItem(g.Code, g.Name, g.RegionCode, Iso(g.ValidFrom)!, Iso(g.ValidTo)))],
            [.. authority.Appointments.OrderBy(a => a.StartDate).Select(a => Item(a, authority))]));
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> GetPerson(string personId, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var person = await queries.PersonAsync(personId, cancellationToken);
        if (person is null)
        {
            return NotFound($"No person has the identifier '{personId}'.");
        }
        return TypedResults.Ok(new PersonDetail(person.PersonId, person.GivenName, person.FamilyName,
            [.. person.Appointments.OrderBy(a => a.StartDate).Select(a => Item(a, a.Authority!, person))]));
    }

    private static async Task<IResult> GetTurnover(
        string? year, ClaimsPrincipal user, TurnoverFigureCache figures, FigureDisclosure disclosure, CancellationToken cancellationToken)
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

    /// <summary>
    /// Documents the turnover endpoint's 200 response as one of its four shapes: every year or one, exact for staff or
    /// suppressed for the funder. (Several <c>Produces</c> for one status code keep only the last.)
    /// </summary>
    private static async Task DescribeTurnoverShapes(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var shapes = new List<IOpenApiSchema>();
        foreach (var type in new[] { typeof(TurnoverFigures), typeof(SuppressedTurnoverFigures) })
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

    private static AppointmentItem Item(Appointment a, Authority authority, Person? person = null)
    {
        var p = person ?? a.Person!;
        return new AppointmentItem(authority.Code, authority.Name, p.PersonId, p.FullName, a.Type.ToCode(),
            Iso(a.StartDate)!, Iso(a.EndDate), a.LeavingReason?.ToCode(), a.Unplanned);
    }

    private static CurrentDcs? Current(AuthoritySummary a) =>
        a.CurrentPersonId is null ? null : new CurrentDcs(a.CurrentPersonId, a.CurrentName!, a.CurrentType!.Value.ToCode(), Iso(a.CurrentSince)!);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    internal static string? Iso(NodaTime.LocalDate? date) => date?.ToIsoString();
}
