using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Upon.Register;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Shared.Figures;

/// <summary>
/// Two instances of the real host on one PostgreSQL database, as in production behind a load balancer: figures cached
/// on each change on both after a change on either, a sign-in on one is honoured by the other, and last seats booked
/// through both at once are never overbooked.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class TwoInstancesTests(PostgresApp app) : IClassFixture<PostgresApp>, IAsyncLifetime
{
    private readonly SecondInstance _second = new(app);

    public async Task InitializeAsync()
    {
        if (app.Unavailable is null)
        {
            await _second.StartAsync();
        }
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    private static async Task<int> ChangesAsync(HttpClient client, string year)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/reports/turnover?year={year}", UriKind.Relative)));
        return json.RootElement.GetProperty("changes").GetInt32();
    }

    private static async Task ImportAsync(IServiceProvider services, string row)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines(CsvFiles.Header, row)));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [SkippableFact]
    public async Task CachedFigure_ChangesOnBothInstances_AfterAChangeOnEither()
    {
        app.RequireDatabase();
        await ImportAsync(app.Services, "315,TI-1,Ivy,Lowe,permanent,2015-04-01,,,");
        var one = app.CreateApiClient();
        var two = _second.CreateApiClient(app.ApiTokenFor(Roles.Administrator));
        var before = await ChangesAsync(one, "2024-25");
        Assert.Equal(before, await ChangesAsync(two, "2024-25"));

        // A change on the second: the first's cached figure is out of date at its next request.
        await ImportAsync(_second.Services, "315,TI-1,Ivy,Lowe,permanent,2015-04-01,2024-09-30,retired,no");
        await ImportAsync(_second.Services, "315,TI-2,Jo,Marsh,permanent,2024-10-01,,,");
        Assert.Equal(before + 1, await ChangesAsync(one, "2024-25"));
        Assert.Equal(before + 1, await ChangesAsync(two, "2024-25"));

        // And the other way round.
        await ImportAsync(app.Services, "316,TI-3,Kit,Nye,permanent,2016-04-01,2024-12-31,retired,no");
        await ImportAsync(app.Services, "316,TI-4,Lu,Oak,interim,2025-01-01,,,");
        Assert.Equal(before + 2, await ChangesAsync(two, "2024-25"));
        Assert.Equal(before + 2, await ChangesAsync(one, "2024-25"));
    }

    private static async Task<int> ComparisonGroupAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reports/retention", UriKind.Relative)));
        return json.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "comparison").GetProperty("n").GetInt32();
    }

    [SkippableFact]
    public async Task CachedImpactFigure_ChangesOnBothInstances_AfterAChangeOnEither()
    {
        app.RequireDatabase();
        var one = app.CreateApiClient(Roles.PartnerStaff);
        var two = _second.CreateApiClient(app.ApiTokenFor(Roles.PartnerStaff));
        var before = await ComparisonGroupAsync(one);
        Assert.Equal(before, await ComparisonGroupAsync(two));

        // A first-time director recorded through the second: both instances' cached retention figures count them at once.
        await ImportAsync(_second.Services, $"{await Upon.Tests.NewDirectors.InvitationSeed.FreeAuthorityAsync(app)},TI-R1,Max,Pine,permanent,2022-05-03,,,");
        Assert.Equal(before + 1, await ComparisonGroupAsync(one));
        Assert.Equal(before + 1, await ComparisonGroupAsync(two));

        // And the other way round.
        await ImportAsync(app.Services, $"{await Upon.Tests.NewDirectors.InvitationSeed.FreeAuthorityAsync(app)},TI-R2,Ned,Quill,permanent,2023-02-06,,,");
        Assert.Equal(before + 2, await ComparisonGroupAsync(two));
        Assert.Equal(before + 2, await ComparisonGroupAsync(one));
    }

    [SkippableFact]
    public async Task SignInOnOne_IsHonouredByTheOther()
    {
        app.RequireDatabase();
        var cookies = await app.SignInAsync(UponApp.EmailFor(Roles.PartnerStaff), UponApp.Password);
        using var other = _second.CreateClient(cookies);
        var response = await other.GetAsync(new Uri("/register/turnover", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task LastSeats_BookedThroughBothAtOnce_AreNeverOverbooked()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 3);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 30);
        var one = app.CreateApiClient(Roles.PartnerStaff);
        var two = _second.CreateApiClient(app.ApiTokenFor(Roles.PartnerStaff));

        var responses = await Task.WhenAll(people.Select((p, i) =>
            (i % 2 == 0 ? one : two).PostAsJsonAsync($"/api/sessions/{session.Id}/bookings", new { participantId = p.Id })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bookings = await SessionSeed.BookingsAsync(app, session.Id);
        Assert.Equal(3, bookings.Count(b => b.Status == BookingStatus.Booked));
        Assert.Equal(27, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), bookings.Select(b => b.Queue));
    }
}
