using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Upon.Shared;

/// <summary>Helpers for the GOV.UK error summary and error messages on form fields.</summary>
public static class FormErrors
{
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IEnumerable<(string Key, string Message)> All(this ModelStateDictionary modelState) =>
        modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));
}
