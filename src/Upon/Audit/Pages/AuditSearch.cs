using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Upon.Core;
using Upon.Shared.Forms;

namespace Upon.Audit.Pages;

/// <summary>
/// The audit log search as the page and its export take it from the query string: who, action, record type and id, and
/// the dates from and to as GOV.UK date inputs (<c>From.day</c>, <c>From.month</c>, <c>From.year</c>).
/// </summary>
public sealed class AuditSearch
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public DateInput From { get; set; } = new();
    public DateInput To { get; set; } = new();

    /// <summary>
    /// The query, or null with the problems in <paramref name="modelState"/> (a date that is not real, outside
    /// <see cref="PlausibleDates"/>, or the dates the wrong way round).
    /// </summary>
    public AuditQuery? ToQuery(ModelStateDictionary modelState, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var from = Plausible(modelState, nameof(From), "From date", From.Read(modelState, nameof(From), "From date", required: false), today);
        var to = Plausible(modelState, nameof(To), "To date", To.Read(modelState, nameof(To), "To date", required: false), today);
        if (from is { } f && to is { } t && t < f)
        {
            modelState.AddModelError(DateInput.ErrorKey(nameof(To)), "To date must be the same as or after the from date");
        }
        return modelState.ErrorCount == 0 ? new AuditQuery(Actor, Action, EntityType, EntityId, from, to) : null;
    }

    /// <summary>The same search at another path (the CSV export, another page of results).</summary>
    public string At(string path, int? page = null) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        [nameof(Actor)] = Actor,
        [nameof(Action)] = Action,
        [nameof(EntityType)] = EntityType,
        [nameof(EntityId)] = EntityId,
        ["From.day"] = From.Day,
        ["From.month"] = From.Month,
        ["From.year"] = From.Year,
        ["To.day"] = To.Day,
        ["To.month"] = To.Month,
        ["To.year"] = To.Year,
        ["page"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    private static LocalDate? Plausible(ModelStateDictionary modelState, string name, string label, LocalDate? date, LocalDate today)
    {
        if (date is { } d && !PlausibleDates.IsPlausibleSessionDate(d, today))
        {
            modelState.AddModelError(DateInput.ErrorKey(name),
                $"{label} must be between {Format(PlausibleDates.Earliest)} and {Format(PlausibleDates.LatestSessionDate(today))}");
            return null;
        }
        return date;
    }

    private static string Format(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
