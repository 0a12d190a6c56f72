using System.Net;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Sessions.SessionTesting;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary><c>/sessions/{id}/copy</c>: a new session like an existing one, on a date staff choose.</summary>
public abstract class CopyTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_FillsInEverythingButTheDate()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var source = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 3, 9, 10, 0), new LocalDateTime(2027, 3, 10, 16, 0),
            title: "Spring residential", type: SessionType.Residential, venue: "Conference Centre, Leeds", videoLink: null, capacity: 30);

        var doc = await app.CreateClient().GetDocumentAsync($"/sessions/{source.Id}/copy");

        Assert.Equal("Spring residential", doc.QuerySelector("#Title")?.GetAttribute("value"));
        Assert.Equal("residential", doc.QuerySelector("input[name=Type][checked]")?.GetAttribute("value"));
        Assert.Equal(Group(strand.Id), doc.QuerySelector("#Group option[selected]")?.GetAttribute("value"));
        Assert.Equal("10:00", doc.QuerySelector("#StartTime")?.GetAttribute("value"));
        Assert.Equal("16:00", doc.QuerySelector("#EndTime")?.GetAttribute("value"));
        Assert.Equal("30", doc.QuerySelector("#Capacity")?.GetAttribute("value"));
        Assert.Equal("Conference Centre, Leeds", doc.QuerySelector("#Venue")?.TextContent);
        Assert.Equal("", doc.FieldValue("#Date-day"));
        Assert.Equal("", doc.FieldValue("#EndDate-day"));
        Assert.Contains("Copy of Spring residential", doc.QuerySelector(".govuk-caption-l").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_CreatesANewSessionAndLeavesTheOriginal()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var source = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 2, 12));

        var response = await app.CreateClient().PostFormAsync($"/sessions/{source.Id}/copy", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copyId = SessionIdFrom(response);
        Assert.NotEqual(source.Id, copyId);
        var sessions = await app.SessionsOfAsync(strand.Id);
        Assert.Equal(2, sessions.Count);
        Assert.Equal(source.Start, sessions.Single(s => s.Id == source.Id).Start);
        var copy = sessions.Single(s => s.Id == copyId);
        Assert.Equal(new LocalDateTime(2027, 2, 12, 14, 0), copy.Start);
        Assert.NotEqual(source.Uid, copy.Uid);
        Assert.Equal(0, copy.Sequence);
    }

    [SkippableFact]
    public async Task Post_WithoutADate_AsksForOne()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var source = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 2, 12));
        fields.SetDate("Date", null);

        var response = await app.CreateClient().PostFormAsync($"/sessions/{source.Id}/copy", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter a date"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Single(await app.SessionsOfAsync(strand.Id));
    }
}

public sealed class CopyTests_Sqlite(SqliteApp app) : CopyTests(app), IClassFixture<SqliteApp>;

public sealed class CopyTests_Postgres(PostgresApp app) : CopyTests(app), IClassFixture<PostgresApp>;
