using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Upon.Data;

namespace Upon.Shared.Figures;

/// <summary>
/// Cached figures for one request: reads the data version once (one query by primary key) and serves each figure from
/// <see cref="FigureCache"/> when it was computed for that version today, computing it otherwise. A report opts in by
/// naming its figure with a key that says everything it depends on besides the data and the day (the view, staff or the
/// funder's suppression threshold; the year or period asked for), and computing it from the services it is given.
/// </summary>
public sealed class FigureReader(UponDbContext db, FigureCache cache)
{
    /// <summary>The <c>Cache-Control</c> of a figure response: anyone may keep it, but must ask (with its ETag) before using it again.</summary>
    public const string CacheControl = "private, no-cache";

    private long? _version;

    /// <summary>
    /// The part of a figure's key that names its view: "exact" for the exact figures (no rule), otherwise the rule's
    /// threshold. Every figure cache names its views with this, so that a funder's figure and a staff figure never share a
    /// key (or an entity tag).
    /// </summary>
    public static string ViewKey(Upon.Core.Disclosure.DisclosureRule? rule) =>
        rule is null ? "exact" : rule.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The key of a figure: its feature and name, its view (<see cref="ViewKey"/>), then whatever else it depends on
    /// besides the data and the day (a year, a day, a strand), joined with "|": <c>turnover|survival-chart|5|2023-24</c>.
    /// </summary>
    public static string Key(string feature, string figure, Upon.Core.Disclosure.DisclosureRule? rule, params ReadOnlySpan<string> parts)
    {
        var key = $"{feature}|{figure}|{ViewKey(rule)}";
        return parts.IsEmpty ? key : $"{key}|{string.Join('|', parts)}";
    }

    // Compiled once per model (a compiled query serves one model only, and a process may hold both providers' models):
    // every figure request reads the version, and translating the LINQ query each time (looking it up in EF Core's query
    // cache by its expression tree) cost more than the query.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<UponDbContext, CancellationToken, Task<long>>> ReadVersion = new();

    private static Func<UponDbContext, CancellationToken, Task<long>> CompileReadVersion() => EF.CompileAsyncQuery(
        (UponDbContext context, CancellationToken token) => context.DataVersions.Where(v => v.Id == DataVersion.RowId).Select(v => v.Version).First());

    /// <summary>The data version, read once per request.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken = default) =>
        _version ??= await ReadVersion.GetValue(db.Model, _ => CompileReadVersion())(db, cancellationToken);

    /// <summary>
    /// The data version as another command of this request read it (the API token's check reads it with the token), so
    /// that it is not read again; a version already read for this request is kept.
    /// </summary>
    public void VersionReadWith(long version) => _version ??= version;

    private readonly List<string> _served = [];

    /// <summary>The figure named <paramref name="key"/>, computed by <paramref name="compute"/> when the data or the day changed since.</summary>
    public async Task<CachedFigure<T>> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<Computed<T>>> compute, CancellationToken cancellationToken = default)
    {
        var figure = await cache.GetAsync(key, await VersionAsync(cancellationToken), compute, cancellationToken);
        lock (_served)
        {
            _served.Add(figure.ETag);
        }
        return figure;
    }

    /// <summary>The same, for a figure that holds all day unless the data changes.</summary>
    public Task<CachedFigure<T>> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default) =>
        GetAsync(key, async (services, token) => new Computed<T>(await compute(services, token)), cancellationToken);

    /// <summary>
    /// The entity tag of a page built from the figures this request has read so far: the page and its query, who asked
    /// (the layout names them, and its forms carry their antiforgery token), and each figure's own tag (its data version,
    /// day and validity).
    /// </summary>
    public string PageETag(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        lock (_served)
        {
            return FigureCache.TagOf($"page|{context.Request.Path}|{context.Request.QueryString}|{user}|{string.Join(",", _served)}");
        }
    }

    /// <summary>
    /// The key of a fragment of a page rendered only from the figures this request has read so far: the page and its
    /// query, <paramref name="view"/> (what else the fragment shows differently to different people, such as whether they
    /// see the exact figures) and each figure's own tag, but not who asked. For a <c>&lt;cache vary-by&gt;</c> around
    /// content with no names and no form tokens in it, so that it is rendered once per change of its figures and view.
    /// </summary>
    public string FragmentKey(HttpContext context, string view)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_served)
        {
            return FigureCache.TagOf($"fragment|{context.Request.Path}|{context.Request.QueryString}|{view}|{string.Join(",", _served)}");
        }
    }

    /// <summary>
    /// For a page built from cached figures, called once it has read them and before it renders: sends its entity tag
    /// (<see cref="PageETag"/>) and says whether the request already holds it, when the page answers 304 Not Modified.
    /// </summary>
    public bool PageNotModified(HttpContext context)
    {
        var etag = PageETag(context);
        if (NotModified(context, etag))
        {
            return true;
        }
        // A page whose forms carry antiforgery tokens is made no-store by the antiforgery service as it renders, which
        // logged a warning on every such page view when it found this Cache-Control already set: it is set as the
        // response starts instead, and only when nothing else has set one (the same headers as before, without the warning).
        context.Response.Headers.Remove(HeaderNames.CacheControl);
        context.Response.OnStarting(() =>
        {
            if (string.IsNullOrEmpty(context.Response.Headers.CacheControl))
            {
                context.Response.Headers.CacheControl = CacheControl;
            }
            return Task.CompletedTask;
        });
        return false;
    }

    /// <summary>The media type of every chart: the SVG is sent as UTF-8, XML's default, so it needs no charset.</summary>
    public const string SvgContentType = "image/svg+xml";

    /// <summary>
    /// A chart named <paramref name="key"/> (<see cref="Key"/>), drawn as SVG by <paramref name="draw"/> and encoded as UTF-8
    /// once per change of the data, the day and whatever its key names, served as <see cref="SvgContentType"/> with its
    /// entity tag (304 when the request already holds it).
    /// </summary>
    public async Task<CachedFigureResult> GetSvgAsync(string key, Func<IServiceProvider, CancellationToken, Task<string>> draw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var chart = await GetAsync(key, async (services, token) => System.Text.Encoding.UTF8.GetBytes(await draw(services, token)), cancellationToken);
        return Serve(chart, SvgContentType);
    }

    /// <summary>
    /// The answer for a cached figure (JSON, or a chart drawn as SVG): its entity tag, and 304 Not Modified when the request
    /// already holds it, otherwise its bytes as <paramref name="contentType"/>.
    /// </summary>
    public static CachedFigureResult Serve(CachedFigure<byte[]> figure, string contentType)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new CachedFigureResult(figure, contentType);
    }

    /// <summary>
    /// Sends <paramref name="etag"/> with <see cref="CacheControl"/>, and says whether the request already holds that
    /// version (its <c>If-None-Match</c> names it), when the answer is 304 Not Modified with no body.
    /// </summary>
    public static bool NotModified(HttpContext context, string etag)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = CacheControl;
        var tag = new EntityTagHeaderValue(etag);
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
    }
}
