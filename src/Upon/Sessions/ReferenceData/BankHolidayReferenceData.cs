using System.Text.Json;
using System.Text.Json.Nodes;
using Upon.Core.Sessions;

namespace Upon.Sessions.ReferenceData;

/// <summary>
/// The England and Wales bank holidays shipped with the product (<c>bank-holidays.json</c>, embedded): GOV.UK's
/// bank holidays feed, england-and-wales division only, with its source and licence. Contains public sector information
/// licensed under the Open Government Licence v3.0.
/// </summary>
public static class BankHolidayReferenceData
{
    public const string Source = "GOV.UK, UK bank holidays (https://www.gov.uk/bank-holidays.json), england-and-wales division";

    public const string Attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0 (GOV.UK, UK bank holidays).";

    private const string ResourceName = "Upon.Sessions.ReferenceData.bank-holidays.json";

    /// <summary>The bank holidays embedded in this build.</summary>
    public static BankHolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(BankHolidayReferenceData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return BankHolidayCalendar.Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Writes the shipped file: the calendar in GOV.UK's format with <c>source</c> and <c>licence</c> first, so the file
    /// carries its attribution and still reads as a GOV.UK bank holidays file.
    /// </summary>
    public static void Write(Stream output, BankHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var file = new JsonObject
        {
            ["source"] = Source,
            ["licence"] = Attribution,
        };
        var feed = JsonNode.Parse(calendar.ToJson())!.AsObject();
        foreach (var (name, value) in feed.ToList())
        {
            feed.Remove(name);
            file[name] = value;
        }
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        file.WriteTo(writer);
        writer.Flush();
        output.Write("\n"u8);
    }
}
