using NodaTime;
using NodaTime.Text;

namespace Upon.Audit.Pages;

/// <summary>The audit log search as the page and its export take it from the query string.</summary>
public sealed class AuditSearch
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    public string? FromError { get; private set; }
    public string? ToError { get; private set; }

    /// <summary>The query, or null (with the date errors set) when a date is not a real date.</summary>
    public AuditQuery? ToQuery()
    {
        var from = ParseDate(From, e => FromError = e);
        var to = ParseDate(To, e => ToError = e);
        return FromError is null && ToError is null ? new AuditQuery(Actor, Action, EntityType, EntityId, from, to) : null;
    }

    /// <summary>The same search at another path (the CSV export).</summary>
    public string At(string path) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        [nameof(Actor)] = Actor,
        [nameof(Action)] = Action,
        [nameof(EntityType)] = EntityType,
        [nameof(EntityId)] = EntityId,
        [nameof(From)] = From,
        [nameof(To)] = To,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    private static LocalDate? ParseDate(string? text, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (result.Success)
        {
            return result.Value;
        }
        error("Enter a real date in the form YYYY-MM-DD");
        return null;
    }
}
