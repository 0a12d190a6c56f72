using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;

namespace Upon.Sessions.Pages.Shared;

/// <summary>
/// Reads the text fields of the sessions forms, recording GOV.UK error messages in the model state under the field's name.
/// Line breaks count as one character, as the character count shows them.
/// </summary>
public static partial class FormInput
{
    [GeneratedRegex(@"^(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?\s*(?<half>am|pm)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeShape();

    /// <summary>Trimmed text with line breaks as <c>\n</c>.</summary>
    public static string Clean(string? value) => Upon.Shared.Text.LineBreaks.Normalise(value).Trim();

    /// <summary>Required text no longer than <paramref name="max"/>; <paramref name="missing"/> is the message when it is empty.</summary>
    public static string Required(ModelStateDictionary modelState, string key, string? value, int max, string missing, string label)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var text = Clean(value);
        if (text.Length == 0)
        {
            modelState.AddModelError(key, missing);
        }
        else if (text.Length > max)
        {
            modelState.AddModelError(key, string.Create(CultureInfo.InvariantCulture, $"{label} must be {max:N0} characters or fewer"));
        }
        return text;
    }

    /// <summary>Optional text no longer than <paramref name="max"/>, or null when empty.</summary>
    public static string? Optional(ModelStateDictionary modelState, string key, string? value, int max, string label)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var text = Clean(value);
        if (text.Length > max)
        {
            modelState.AddModelError(key, string.Create(CultureInfo.InvariantCulture, $"{label} must be {max:N0} characters or fewer"));
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? Number(ModelStateDictionary modelState, string key, string? value, int min, int max, string missing, string label)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var text = Clean(value).Replace(",", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            modelState.AddModelError(key, missing);
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            modelState.AddModelError(key, $"{label} must be a whole number, like {min.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        if (number < min || number > max)
        {
            modelState.AddModelError(key, string.Create(CultureInfo.InvariantCulture, $"{label} must be between {min:N0} and {max:N0}"));
            return null;
        }
        return number;
    }

    /// <summary>A time of day: <c>14:00</c>, <c>14.00</c>, <c>9:30</c>, <c>2pm</c> or <c>2:30pm</c>.</summary>
    public static LocalTime? Time(ModelStateDictionary modelState, string key, string? value, string label)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var text = Clean(value);
        var lower = char.ToLowerInvariant(label[0]) + label[1..];
        if (text.Length == 0)
        {
            modelState.AddModelError(key, $"Enter {(lower.StartsWith('e') ? "an" : "a")} {lower}");
            return null;
        }
        if (ParseTime(text) is { } time)
        {
            return time;
        }
        modelState.AddModelError(key, $"Enter the {lower} as a time of day, like 14:00");
        return null;
    }

    /// <summary>A time of day, or null if the text is not one.</summary>
    public static LocalTime? ParseTime(string text)
    {
        var match = TimeShape().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["half"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            var pm = match.Groups["half"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase);
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new LocalTime(hour, minute) : null;
    }

    /// <summary>A web address starting with https:// or http://, or null when empty and not required.</summary>
    public static string? Link(ModelStateDictionary modelState, string key, string? value, int max, bool required)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var text = Clean(value);
        if (text.Length == 0)
        {
            if (required)
            {
                modelState.AddModelError(key, "Enter the video link");
            }
            return null;
        }
        if (text.Length > max)
        {
            modelState.AddModelError(key, string.Create(CultureInfo.InvariantCulture, $"Video link must be {max:N0} characters or fewer"));
            return null;
        }
        if (!Upon.Core.Sessions.VideoLinks.IsValid(text))
        {
            modelState.AddModelError(key, Upon.Core.Sessions.VideoLinks.NotAWebAddress);
            return null;
        }
        return text;
    }

    /// <summary>"14:00", for putting a time back in a form.</summary>
    public static string TimeText(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
