using System.Text.Json;
using Upon.Core.Register;

namespace Upon.Shared.Figures;

/// <summary>The figures APIs' JSON: every year as an array, or the one asked for as an object.</summary>
public static class FigureJson
{
    /// <summary>camelCase field names, indented, as the figures APIs and <c>upon report ... --format json</c> write them.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The JSON of every year, or of <paramref name="only"/>; null when no year has that label.</summary>
    public static byte[]? Serialise<T>(IReadOnlyList<T> years, FinancialYear? only, Func<T, string> label)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(label);
        if (only is not { } year)
        {
            return JsonSerializer.SerializeToUtf8Bytes(years, Options);
        }
        var figures = years.FirstOrDefault(f => label(f) == year.Label);
        return figures is null ? null : JsonSerializer.SerializeToUtf8Bytes(figures, Options);
    }

    /// <summary>
    /// The answer for cached JSON: 304 when the request already holds this version, 404 (ProblemDetails) when the year
    /// has no figures, otherwise the bytes.
    /// </summary>
    public static IResult Result(CachedFigure<byte[]?> json, FinancialYear? year)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Value is { } bytes
            ? FigureReader.Serve(new CachedFigure<byte[]>(bytes, json.ETag), ContentType)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The register has no data for {year?.Label}.");
    }
}
