using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Sessions;

/// <summary>
/// The bank holidays of England and Wales, read from GOV.UK's feed (<c>https://www.gov.uk/bank-holidays.json</c>).
/// </summary>
/// <remarks>
/// The feed has one object per division (<c>england-and-wales</c>, <c>scotland</c>, <c>northern-ireland</c>), each
/// with <c>division</c> and <c>events</c>; an event has <c>title</c>, <c>date</c> (<c>yyyy-mm-dd</c>), <c>notes</c>
/// and <c>bunting</c>. Only <c>england-and-wales</c> is kept: the programme runs in England. <see cref="ToJson"/>
/// writes the same format with that division only, so <c>Parse(calendar.ToJson())</c> gives the same calendar.
/// </remarks>
public sealed class BankHolidayCalendar
{
    /// <summary>The division Upon keeps.</summary>
    public const string Division = "england-and-wales";

    private readonly FrozenDictionary<LocalDate, BankHoliday> _byDate;

    private BankHolidayCalendar(IReadOnlyList<BankHoliday> holidays)
    {
        Holidays = holidays;
        _byDate = holidays.ToFrozenDictionary(h => h.Date);
    }

    /// <summary>The holidays in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays { get; }

    /// <summary>The first holiday's date, or null when there are none.</summary>
    public LocalDate? FirstDate => Holidays.Count == 0 ? null : Holidays[0].Date;

    /// <summary>The last holiday's date, or null when there are none.</summary>
    public LocalDate? LastDate => Holidays.Count == 0 ? null : Holidays[^1].Date;

    /// <summary>A calendar of the given holidays, which must have distinct dates.</summary>
    public static BankHolidayCalendar Create(IEnumerable<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var list = holidays.OrderBy(h => h.Date).ToList();
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Date == list[i - 1].Date)
            {
                throw new ArgumentException($"Two bank holidays are on {list[i].Date.ToIsoString()}.", nameof(holidays));
            }
        }
        return new BankHolidayCalendar(list);
    }

    /// <summary>Whether the date is a bank holiday, and which.</summary>
    public bool TryGet(LocalDate date, [MaybeNullWhen(false)] out BankHoliday holiday) => _byDate.TryGetValue(date, out holiday);

    /// <summary>Whether the date is a bank holiday.</summary>
    public bool Contains(LocalDate date) => _byDate.ContainsKey(date);

    /// <summary>
    /// Reads GOV.UK's feed. Throws <see cref="BankHolidayFormatException"/> when the text is not JSON, has no
    /// <c>england-and-wales</c> division, or an event has a missing or malformed field or repeats a date. Events
    /// are named by their position in the file, counting from 0: <c>england-and-wales.events[3].date</c>.
    /// </summary>
    public static BankHolidayCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new BankHolidayFormatException($"The bank holidays file is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BankHolidayFormatException("The bank holidays file must be a JSON object with one property per division.");
            }
            if (!root.TryGetProperty(Division, out var division) || division.ValueKind != JsonValueKind.Object)
            {
                throw new BankHolidayFormatException($"The bank holidays file has no \"{Division}\" division.");
            }
            if (!division.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new BankHolidayFormatException($"{Division}.events is missing or is not an array.");
            }

            var holidays = new List<BankHoliday>();
            var seen = new Dictionary<LocalDate, int>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                var at = $"{Division}.events[{index}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new BankHolidayFormatException($"{at} is not an object.");
                }
                var title = RequiredString(item, "title", at);
                if (title.Trim().Length == 0)
                {
                    throw new BankHolidayFormatException($"{at}.title is empty.");
                }
                var dateText = RequiredString(item, "date", at);
                var parsed = LocalDatePattern.Iso.Parse(dateText);
                if (!parsed.Success)
                {
                    throw new BankHolidayFormatException($"{at}.date: \"{dateText}\" is not a date in the form yyyy-mm-dd.");
                }
                var date = parsed.Value;
                if (seen.TryGetValue(date, out var earlier))
                {
                    throw new BankHolidayFormatException(
                        $"{at}.date: {date.ToIsoString()} is already the date of {Division}.events[{earlier}] ({holidays.First(h => h.Date == date).Title}).");
                }
                var notes = OptionalString(item, "notes", at) ?? "";
                var bunting = OptionalBoolean(item, "bunting", at) ?? false;
                seen.Add(date, index);
                holidays.Add(new BankHoliday(date, title) { Notes = notes, Bunting = bunting });
                index++;
            }
            if (holidays.Count == 0)
            {
                // Loading an empty calendar would silently remove every bank holiday.
                throw new BankHolidayFormatException($"{Division}.events has no events: the file lists no bank holidays.");
            }
            return new BankHolidayCalendar([.. holidays.OrderBy(h => h.Date)]);
        }
    }

    /// <summary>Writes the calendar in GOV.UK's format, with the <c>england-and-wales</c> division only.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(Division);
            writer.WriteString("division", Division);
            writer.WriteStartArray("events");
            foreach (var holiday in Holidays)
            {
                writer.WriteStartObject();
                writer.WriteString("title", holiday.Title);
                writer.WriteString("date", holiday.Date.ToIsoString());
                writer.WriteString("notes", holiday.Notes);
                writer.WriteBoolean("bunting", holiday.Bunting);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string RequiredString(JsonElement item, string name, string at)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            throw new BankHolidayFormatException($"{at}.{name} is missing.");
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new BankHolidayFormatException($"{at}.{name} must be a string, not {Describe(value.ValueKind)}.");
    }

    private static string? OptionalString(JsonElement item, string name, string at)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new BankHolidayFormatException($"{at}.{name} must be a string, not {Describe(value.ValueKind)}.");
    }

    private static bool? OptionalBoolean(JsonElement item, string name, string at)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new BankHolidayFormatException($"{at}.{name} must be true or false, not {Describe(value.ValueKind)}."),
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
