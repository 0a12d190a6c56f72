using Microsoft.AspNetCore.Mvc.ModelBinding;
using Upon.Shared;

namespace Upon.Shared.Forms;

/// <summary>One choice in a select or a set of radios.</summary>
public sealed record Choice(string Value, string Text);

/// <summary>A GOV.UK text input; the field's name is also its id and its model state key.</summary>
public sealed record TextField(string Name, string Label, string? Hint, string? Value, string WidthClass = "govuk-input--width-20", string Type = "text", string? Autocomplete = null, bool Spellcheck = true, string? InputMode = null);

/// <summary>A GOV.UK select, with an optional first option with no value.</summary>
public sealed record SelectField(string Name, string Label, string? Hint, string? Value, IReadOnlyList<Choice> Choices, string? Blank = null);

/// <summary>GOV.UK radios: the first radio's id is the name (the error summary links to it), the others <c>Name-2</c>, ...</summary>
public sealed record RadiosField(string Name, string Legend, string? Hint, string? Value, IReadOnlyList<Choice> Choices, bool Inline = false);

public static class FormFieldErrors
{
    /// <summary>The first error recorded for a date input: under its name or one of its parts.</summary>
    public static string? DateErrorFor(this ModelStateDictionary modelState, string name) =>
        modelState.ErrorFor(name) ?? DateInput.Parts.Select(part => modelState.ErrorFor($"{name}.{part}")).FirstOrDefault(e => e is not null);

    /// <summary>
    /// The model state keys of a form's fields in page order, a date input's three parts in place of its name: for the
    /// error summary, which follows <c>ViewData["ErrorOrder"]</c>.
    /// </summary>
    public static IReadOnlyList<string> ErrorOrder(IEnumerable<string> fields, params string[] dateFields) =>
        [.. fields.SelectMany(f => dateFields.Contains(f) ? DateInput.Parts.Select(p => $"{f}.{p}") : [f])];

    /// <summary>The <c>aria-describedby</c> value for a field with an optional hint and error, or null.</summary>
    public static string? DescribedBy(string name, string? hint, string? error)
    {
        var ids = new List<string>(2);
        if (hint is not null)
        {
            ids.Add($"{name}-hint");
        }
        if (error is not null)
        {
            ids.Add($"{name}-error");
        }
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
