using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Upon.Shared;

/// <summary>Helpers for the GOV.UK error summary and error messages on form fields.</summary>
public static class FormErrors
{
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IEnumerable<(string Key, string Message)> All(this ModelStateDictionary modelState) =>
        modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));

    /// <summary>
    /// Marks the request as showing an error summary, so that the layout (rendered after the page) starts the page's title
    /// with "Error: ", as GOV.UK asks. The shared summary marks it; a page with a summary of its own calls this.
    /// </summary>
    public static void MarkErrorSummaryShown(this HttpContext context) => context.Items[ErrorSummaryShown] = true;

    /// <summary>Whether the page showed an error summary (<see cref="MarkErrorSummaryShown"/>).</summary>
    public static bool ShowsErrorSummary(this HttpContext context) => context.Items.ContainsKey(ErrorSummaryShown);

    private static readonly object ErrorSummaryShown = new();
}
