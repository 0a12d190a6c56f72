using System.Security.Claims;
using System.Text.Json.Serialization;
using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback;

/// <summary>A strand's year of feedback as the API gives it; a null listed in <see cref="Suppressed"/> is withheld.</summary>
public sealed record FeedbackYearFigures(
    [property: JsonPropertyName("strand")] string Strand,
    [property: JsonPropertyName("financialYear")] string FinancialYear,
    [property: JsonPropertyName("answers")] int? Answers,
    [property: JsonPropertyName("reactionMean")] double? ReactionMean,
    [property: JsonPropertyName("learningMean")] double? LearningMean,
    [property: JsonPropertyName("suppressed")] IReadOnlyList<string> Suppressed)
{
    public static FeedbackYearFigures From(FunderFeedbackFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var suppressed = new List<string>();
        T? Value<T>(Disclosed<T> figure, string name)
        {
            if (figure.TryGetValue(out var value))
            {
                return value;
            }
            suppressed.Add(name);
            return default;
        }
        return new FeedbackYearFigures(figures.Strand, figures.FinancialYear,
            figures.Answers.TryGetValue(out var answers) ? answers : Value(Disclosed.Suppressed<int?>(), "answers"),
            Value(figures.Reaction, "reactionMean"), Value(figures.Learning, "learningMean"), suppressed);
    }
}

/// <summary><c>GET /api/reports/feedback[?year=2026-27]</c>: session feedback per strand and financial year, for staff and the funder.</summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/feedback", GetFeedback).RequireAuthorization(Policies.Aggregates).WithTags("Feedback").WithName("GetFeedbackFigures")
            .WithSummary("Session feedback per strand and financial year of the session: responses and the mean reaction and learning ratings (1 to 5).")
            .WithDescription("Each item has strand, financialYear, answers (responses), reactionMean and learningMean (means of the Kirkpatrick " +
                "level 1 and level 2 rating questions), and suppressed, the names of the fields that are null because they are withheld. A mean " +
                "over fewer responses than Disclosure:SmallNumberThreshold is withheld for everyone; for the Funder role the count of responses " +
                "is too when it is from 1 to the threshold - 1. No person-level record and no comment is ever returned. The answer carries an ETag: " +
                "send it back in If-None-Match and an unchanged answer is 304 Not Modified.")
            .Produces<IReadOnlyList<FeedbackYearFigures>>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetFeedback(
        string? year, ClaimsPrincipal user, FeedbackFigureCache figures, FigureDisclosure disclosure, CancellationToken cancellationToken)
    {
        string? only = null;
        if (year is not null)
        {
            if (!FinancialYear.TryParse(year, out var parsed))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid financial year",
                    detail: $"'{year}' is not a financial year: use the form 2026-27.");
            }
            only = parsed.Label;
        }
        var json = await figures.JsonAsync(disclosure.Suppression, FigureDisclosure.SeesExactFigures(user), only, cancellationToken);
        return FigureReader.Serve(json, FigureJson.ContentType);
    }
}
