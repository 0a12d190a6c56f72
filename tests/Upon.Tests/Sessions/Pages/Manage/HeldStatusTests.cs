using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary>
/// A session that ran and has ended shows as "Held", never "Scheduled", on the staff list, the staff page and the
/// public page; a cancelled one stays "Cancelled" and a future one "Scheduled". The app's clock reads 25 November 2026.
/// </summary>
public abstract class HeldStatusTests(UponApp app)
{
    [SkippableFact]
    public async Task PastSessions_ShowAsHeld_CancelledStayCancelled()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync("Held status strand");
        var past = await app.AddSessionAsync(strand.Id, new LocalDateTime(2026, 11, 20, 14, 0), new LocalDateTime(2026, 11, 20, 16, 0), title: "Past workshop");
        var cancelled = await app.AddSessionAsync(strand.Id, new LocalDateTime(2026, 11, 18, 14, 0), new LocalDateTime(2026, 11, 18, 16, 0),
            title: "Cancelled workshop", status: SessionStatus.Cancelled);
        var future = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 20, 14, 0), new LocalDateTime(2027, 1, 20, 16, 0), title: "Future workshop");
        var staff = app.CreateClient();

        var list = await staff.GetDocumentAsync($"/sessions?when=all&strand={strand.Id}");
        string Status(int id) => list.QuerySelector($"tr[data-session='{id}'] td[data-status]").Text();
        Assert.Equal("Held", Status(past.Id));
        Assert.Equal("Cancelled", Status(cancelled.Id));
        Assert.Equal("Scheduled", Status(future.Id));

        Assert.Equal("Held", (await staff.GetDocumentAsync($"/sessions/{past.Id}")).QuerySelector("#status").Text());
        Assert.Equal("Scheduled", (await staff.GetDocumentAsync($"/sessions/{future.Id}")).QuerySelector("#status").Text());
        var anonymous = app.CreateAnonymousClient();
        Assert.Equal("Held", (await anonymous.GetDocumentAsync($"/programme/sessions/{past.Id}")).QuerySelector("#status").Text());
        Assert.Equal("Cancelled", (await anonymous.GetDocumentAsync($"/programme/sessions/{cancelled.Id}")).QuerySelector("#status").Text());
    }
}

public sealed class HeldStatusTests_Sqlite(SqliteApp app) : HeldStatusTests(app), IClassFixture<SqliteApp>;

public sealed class HeldStatusTests_Postgres(PostgresApp app) : HeldStatusTests(app), IClassFixture<PostgresApp>;
