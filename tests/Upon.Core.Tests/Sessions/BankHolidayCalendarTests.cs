using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class BankHolidayCalendarTests
{
    private static readonly BankHolidayCalendar Published = BankHolidayCalendar.Parse(File.ReadAllText(TestData.PathOf("govuk_bank_holidays_2024_2027.json")));

    private static string Feed(string events) =>
        """{"england-and-wales":{"division":"england-and-wales","events":[""" + events + """]},"scotland":{"division":"scotland","events":[]}}""";

    [Fact]
    public void Parse_PublishedFeed_KeepsEnglandAndWalesOnly()
    {
        Assert.Equal(32, Published.Holidays.Count);
        // St Andrew's Day is a Scottish bank holiday only.
        Assert.False(Published.Contains(new LocalDate(2024, 12, 2)));
        Assert.False(Published.Contains(new LocalDate(2025, 12, 1)));
    }

    [Fact]
    public void Parse_PublishedFeed_FirstAndLastDates()
    {
        Assert.Equal(new LocalDate(2024, 1, 1), Published.FirstDate);
        Assert.Equal(new LocalDate(2027, 12, 28), Published.LastDate);
    }

    [Fact]
    public void Parse_PublishedFeed_InDateOrderWithDistinctDates()
    {
        var dates = Published.Holidays.Select(h => h.Date).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
    }

    [Fact]
    public void TryGet_ChristmasDay_ReturnsTitle()
    {
        Assert.True(Published.TryGet(new LocalDate(2025, 12, 25), out var holiday));
        Assert.Equal("Christmas Day", holiday.Title);
    }

    [Fact]
    public void TryGet_OrdinaryDay_ReturnsFalse() =>
        Assert.False(Published.TryGet(new LocalDate(2025, 12, 24), out _));

    [Fact]
    public void TryGet_SubstituteDay_KeepsNotes()
    {
        // Christmas Day 2027 is a Saturday, so the Monday and Tuesday after are substitute days.
        Assert.True(Published.TryGet(new LocalDate(2027, 12, 28), out var holiday));
        Assert.Equal("Substitute day", holiday.Notes);
    }

    [Fact]
    public void TryGet_TitleWithCurlyApostrophe_IsDecoded()
    {
        Assert.True(Published.TryGet(new LocalDate(2026, 1, 1), out var holiday));
        Assert.Equal("New Year\u2019s Day", holiday.Title);
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var again = BankHolidayCalendar.Parse(Published.ToJson());
        Assert.Equal(Published.Holidays, again.Holidays);
    }

    [Fact]
    public void ToJson_WritesGovUkFormatWithEnglandAndWalesOnly()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Published.ToJson());
        var root = json.RootElement;
        Assert.Equal(["england-and-wales"], root.EnumerateObject().Select(p => p.Name));
        var division = root.GetProperty("england-and-wales");
        Assert.Equal("england-and-wales", division.GetProperty("division").GetString());
        var first = division.GetProperty("events")[0];
        Assert.Equal(["title", "date", "notes", "bunting"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-01-01", first.GetProperty("date").GetString());
        Assert.True(first.GetProperty("bunting").GetBoolean());
    }

    [Fact]
    public void Parse_NoEvents_IsRefused_SoAnEmptyFileNeverRemovesEveryHoliday()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse(Feed("")));
        Assert.Contains("has no events", error.Message);
    }

    [Fact]
    public void Create_Empty_HasNoDates()
    {
        var empty = BankHolidayCalendar.Create([]);
        Assert.Empty(empty.Holidays);
        Assert.Null(empty.FirstDate);
        Assert.Null(empty.LastDate);
    }

    [Fact]
    public void Parse_EventsOutOfOrder_AreSorted()
    {
        var calendar = BankHolidayCalendar.Parse(Feed(
            """{"title":"Boxing Day","date":"2024-12-26","notes":"","bunting":true},{"title":"Christmas Day","date":"2024-12-25","notes":"","bunting":true}"""));
        Assert.Equal([new LocalDate(2024, 12, 25), new LocalDate(2024, 12, 26)], calendar.Holidays.Select(h => h.Date));
    }

    [Fact]
    public void Parse_NotesAndBuntingMissing_AreDefaults()
    {
        var holiday = Assert.Single(BankHolidayCalendar.Parse(Feed("""{"title":"Christmas Day","date":"2024-12-25"}""")).Holidays);
        Assert.Equal("", holiday.Notes);
        Assert.False(holiday.Bunting);
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse("<html>Not found</html>"));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAnObject_SaysSo()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse("[]"));
        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDivision_NamesIt()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() =>
            BankHolidayCalendar.Parse("""{"scotland":{"division":"scotland","events":[]}}"""));
        Assert.Contains("england-and-wales", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EventsNotAnArray_SaysSo()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() =>
            BankHolidayCalendar.Parse("""{"england-and-wales":{"division":"england-and-wales","events":{}}}"""));
        Assert.Contains("england-and-wales.events", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("25/12/2024")]
    [InlineData("2024-12-25T00:00:00")]
    [InlineData("")]
    public void Parse_BadDate_NamesEventAndField(string date)
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse(Feed(
            $$"""{"title":"Christmas Day","date":"2024-12-25"},{"title":"Odd day","date":"{{date}}"}""")));
        Assert.Contains("england-and-wales.events[1].date", error.Message, StringComparison.Ordinal);
        Assert.Contains("yyyy-mm-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateNotAString_NamesEventAndField()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse(Feed("""{"title":"Christmas Day","date":20241225}""")));
        Assert.Contains("events[0].date must be a string, not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingTitle_NamesEventAndField()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse(Feed("""{"date":"2024-12-25"}""")));
        Assert.Contains("events[0].title is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyTitle_NamesEventAndField()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse(Feed("""{"title":"  ","date":"2024-12-25"}""")));
        Assert.Contains("events[0].title is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BuntingNotBoolean_NamesEventAndField()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() =>
            BankHolidayCalendar.Parse(Feed("""{"title":"Christmas Day","date":"2024-12-25","bunting":"yes"}""")));
        Assert.Contains("events[0].bunting must be true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateDate_NamesBothEvents()
    {
        var error = Assert.Throws<BankHolidayFormatException>(() => BankHolidayCalendar.Parse(Feed(
            """{"title":"Christmas Day","date":"2024-12-25"},{"title":"Boxing Day","date":"2024-12-26"},{"title":"Christmas again","date":"2024-12-25"}""")));
        Assert.Contains("events[2].date", error.Message, StringComparison.Ordinal);
        Assert.Contains("events[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Christmas Day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DuplicateDate_Throws() =>
        Assert.Throws<ArgumentException>(() => BankHolidayCalendar.Create(
            [new BankHoliday(new LocalDate(2024, 12, 25), "A"), new BankHoliday(new LocalDate(2024, 12, 25), "B")]));
}
