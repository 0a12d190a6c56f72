using System.Net;
using Upon.Shared.Security;
using Upon.Accounts;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Home;

/// <summary>An address nothing answers is the "Page not found" page, for anonymous visitors as for anyone signed in.</summary>
public abstract class NotFoundTests(UponApp app)
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Administrator)]
    public async Task AnUnknownAddress_IsA404Page_NotASignInRedirect(string? role)
    {
        app.RequireDatabase();
        var client = role is null ? app.CreateAnonymousClient() : app.CreateClient(role);

        var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
    }
}

public sealed class NotFoundTests_Sqlite(SqliteApp app) : NotFoundTests(app), IClassFixture<SqliteApp>;

public sealed class NotFoundTests_Postgres(PostgresApp app) : NotFoundTests(app), IClassFixture<PostgresApp>;
