using Microsoft.AspNetCore.Mvc;

namespace Upon.Shared.Figures;

/// <summary>
/// A cached figure as the answer to a request, for a page handler and an API endpoint alike: its entity tag with
/// <see cref="FigureReader.CacheControl"/>, then 304 Not Modified when the request already holds that version, otherwise
/// the figure's bytes. Made by <see cref="FigureReader.Serve"/>.
/// </summary>
public sealed class CachedFigureResult(CachedFigure<byte[]> figure, string contentType) : IResult, IActionResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        FigureReader.NotModified(httpContext, figure.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified).ExecuteAsync(httpContext)
            : TypedResults.Bytes(figure.Value, contentType).ExecuteAsync(httpContext);

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
