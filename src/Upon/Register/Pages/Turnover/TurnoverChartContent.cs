namespace Upon.Register.Pages.Turnover;

internal static class TurnoverChartContent
{
    /// <summary>The charts' media type; the SVG declares its own UTF-8 encoding.</summary>
    public const string SvgContentType = "image/svg+xml";
}
