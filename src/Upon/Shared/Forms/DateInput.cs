using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;

namespace Upon.Shared.Forms;

/// <summary>
/// A GOV.UK date input: three text fields posted as <c>Start.day</c>, <c>Start.month</c> and <c>Start.year</c> with the ids
/// <c>Start-day</c>, <c>Start-month</c> and <c>Start-year</c>. Errors go in the model state under <c>Start.day</c> (or the part
/// that is wrong), so the error summary links to the field to fix.
/// </summary>
public sealed class DateInput
{
    public static readonly IReadOnlyList<string> Parts = ["day", "month", "year"];

    [ModelBinder(Name = "day")]
    public string? Day { get; set; }

    [ModelBinder(Name = "month")]
    public string? Month { get; set; }

    [ModelBinder(Name = "year")]
    public string? Year { get; set; }

    /// <summary>The parts to highlight after <see cref="Read"/> found a problem with some of them; empty highlights all.</summary>
    [BindNever]
    public IReadOnlyList<string> PartsInError { get; private set; } = [];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(LocalDate? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new DateInput();

    /// <summary>The model state key of an error about the whole date called <paramref name="name"/>.</summary>
    public static string ErrorKey(string name) => $"{name}.day";

    /// <summary>
    /// Reads the date, or records the GOV.UK error ("Enter a start date", "Start date must include a month",
    /// "Start date must be a real date") and returns null. An empty optional date is null without an error.
    /// </summary>
    public LocalDate? Read(ModelStateDictionary modelState, string name, string label, bool required)
    {
        var values = new[] { Day?.Trim() ?? "", Month?.Trim() ?? "", Year?.Trim() ?? "" };
        var missing = Parts.Where((_, i) => values[i].Length == 0).ToList();
        if (missing.Count == 3)
        {
            if (required)
            {
                var lower = char.ToLowerInvariant(label[0]) + label[1..];
                var article = "aeiou".Contains(lower[0], StringComparison.Ordinal) ? "an" : "a";
                return Fail(modelState, name, $"Enter {article} {lower}", []);
            }
            return null;
        }
        if (missing.Count > 0)
        {
            return Fail(modelState, name, $"{label} must include a {string.Join(" and ", missing)}", missing);
        }
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (values[i].Length > 4 || !values[i].All(char.IsAsciiDigit))
            {
                return Fail(modelState, name, $"{label} must be a real date", [Parts[i]]);
            }
            numbers[i] = int.Parse(values[i], System.Globalization.CultureInfo.InvariantCulture);
        }
        var (day, month, year) = (numbers[0], numbers[1], numbers[2]);
        if (values[2].Length != 4)
        {
            return Fail(modelState, name, $"The year of the {char.ToLowerInvariant(label[0]) + label[1..]} must include 4 numbers", ["year"]);
        }
        if (year < 1 || month is < 1 or > 12)
        {
            return Fail(modelState, name, $"{label} must be a real date", month is < 1 or > 12 ? ["month"] : ["year"]);
        }
        if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return Fail(modelState, name, $"{label} must be a real date", ["day"]);
        }
        return new LocalDate(year, month, day);
    }

    private LocalDate? Fail(ModelStateDictionary modelState, string name, string message, List<string> parts)
    {
        PartsInError = parts;
        modelState.AddModelError($"{name}.{(parts.Count > 0 ? parts[0] : "day")}", message);
        return null;
    }
}

/// <summary>What the date input partial shows: the field name (the id prefix), its legend and hint, and what was entered.</summary>
public sealed record DateInputField(string Name, string Legend, string? Hint, DateInput Value);
