using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Upon.Core.Sessions;

/// <summary>A bank holiday in England and Wales.</summary>
public sealed record BankHoliday(LocalDate Date, string Title);

/// <summary>A bank holidays file that is not in the GOV.UK feed's format; the message says what is wrong, in one line.</summary>
public sealed class BankHolidayFormatException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// The England and Wales bank holidays of a file in the format of GOV.UK's feed (<c>https://www.gov.uk/bank-holidays.json</c>):
/// an object with a division per nation, each with its <c>events</c> (<c>title</c>, <c>date</c>, ...). Other divisions,
/// and any other top-level members, are ignored.
/// </summary>
public sealed class BankHolidayCalendar
{
    public const string Division = "england-and-wales";

    private readonly Dictionary<LocalDate, BankHoliday> _byDate;

    private BankHolidayCalendar(IReadOnlyList<BankHoliday> holidays)
    {
        Holidays = holidays;
        _byDate = holidays.ToDictionary(h => h.Date);
    }

    /// <summary>The bank holidays in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays { get; }

    /// <summary>Reads the england-and-wales division of a GOV.UK bank holidays file.</summary>
    /// <exception cref="BankHolidayFormatException">The text is not JSON, has no england-and-wales division or events, or an event has no title or a date that is not a real ISO date, or two events share a date.</exception>
    public static BankHolidayCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new BankHolidayFormatException($"the file is not valid JSON ({e.Message})", e);
        }
        if (root is not JsonObject divisions)
        {
            throw new BankHolidayFormatException("the file is not a GOV.UK bank holidays file: it should be a JSON object of divisions");
        }
        if (divisions[Division] is not JsonObject division)
        {
            throw new BankHolidayFormatException($"the file has no \"{Division}\" division");
        }
        if (division["events"] is not JsonArray events || events.Count == 0)
        {
            throw new BankHolidayFormatException($"the \"{Division}\" division has no events");
        }
        var holidays = new List<BankHoliday>(events.Count);
        var seen = new HashSet<LocalDate>();
        for (var i = 0; i < events.Count; i++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"event {i + 1} of \"{Division}\"");
            if (events[i] is not JsonObject item)
            {
                throw new BankHolidayFormatException($"{where} is not an object");
            }
            var title = Text(item, "title")?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                throw new BankHolidayFormatException($"{where} has no title");
            }
            var dateText = Text(item, "date");
            if (dateText is null)
            {
                throw new BankHolidayFormatException($"{where} ({title}) has no date");
            }
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success)
            {
                throw new BankHolidayFormatException($"{where} ({title}) has the date \"{dateText}\", which is not a real date like 2027-01-01");
            }
            if (!seen.Add(parsed.Value))
            {
                throw new BankHolidayFormatException($"{where} ({title}) repeats the date {dateText}");
            }
            holidays.Add(new BankHoliday(parsed.Value, title));
        }
        return new BankHolidayCalendar([.. holidays.OrderBy(h => h.Date)]);
    }

    /// <summary>The bank holiday on <paramref name="date"/>, if there is one.</summary>
    public bool TryGet(LocalDate date, [MaybeNullWhen(false)] out BankHoliday holiday) => _byDate.TryGetValue(date, out holiday);

    /// <summary>The calendar in the GOV.UK format, with only the england-and-wales division.</summary>
    public string ToJson()
    {
        var events = new JsonArray();
        foreach (var holiday in Holidays)
        {
            events.Add(new JsonObject
            {
                ["title"] = holiday.Title,
                ["date"] = LocalDatePattern.Iso.Format(holiday.Date),
            });
        }
        var root = new JsonObject
        {
            [Division] = new JsonObject { ["division"] = Division, ["events"] = events },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
