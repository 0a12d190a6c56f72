using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// Data Protection keys live in the database, so a second instance of the app on the same database accepts the sign-in
/// cookie and antiforgery tokens issued by the first, as several instances behind a load balancer must.
/// </summary>
public abstract class SharedKeysTests(UponApp app)
{
    [SkippableFact]
    public async Task SecondInstance_AcceptsTheFirstInstancesCookie()
    {
        app.RequireDatabase();
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().DataProtectionKeys.AnyAsync()));

        var cookies = await app.SignInAsync(UponApp.EmailFor(Upon.Shared.Security.Roles.Administrator), UponApp.Password);
        await using var second = app.Factory.WithWebHostBuilder(_ => { });
        var container = new CookieContainer();
        container.Add(cookies);
        using var client = second.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container));

        var page = await client.GetAsync(new Uri("/register", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A form rendered by the second instance posts back to the first: the antiforgery token is understood there.
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/account/tokens", UriKind.Relative)));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var first = app.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container));
        var created = await first.PostAsync(new Uri("/account/tokens?handler=Create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Across instances",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }
}

public sealed class SharedKeysTests_Sqlite(SqliteApp app) : SharedKeysTests(app), IClassFixture<SqliteApp>;

public sealed class SharedKeysTests_Postgres(PostgresApp app) : SharedKeysTests(app), IClassFixture<PostgresApp>;
