using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Upon.Accounts;
using Upon.Shared.Security;

namespace Upon.Tests.Accounts;

/// <summary>Start-up refuses an endpoint that names no authorisation policy, so nothing becomes public by accident.</summary>
public sealed class ExplicitPolicyTests
{
    private static RouteEndpoint Endpoint(string route, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0, new EndpointMetadataCollection(metadata), route);

    [Fact]
    public void EndpointWithoutPolicy_FailsStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new[]
        {
            Endpoint("/marked", new AuthorizeAttribute(Policies.Staff)),
            Endpoint("/public", new AllowAnonymousAttribute()),
            Endpoint("/forgotten"),
        }.RequireExplicitPolicies());
        Assert.Contains("/forgotten", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/marked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEndpointMarked_StartsUp() =>
        new[] { Endpoint("/marked", new AuthorizeAttribute()), Endpoint("/public", new AllowAnonymousAttribute()) }.RequireExplicitPolicies();

    /// <summary>
    /// The real app's endpoints, which <see cref="WebApp.RunAsync"/> checks on another thread while the database is
    /// checked, before the server starts: every page is among them and each is marked; one mapped without a policy fails.
    /// </summary>
    [Fact]
    public async Task TheAppsEndpoints_AreEachMarked_AndOneMappedWithoutAPolicyFails()
    {
        // Building the app opens no database: the file is never created.
        var database = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.db");
        await using var app = WebApp.Build([
            "--environment", "Development",
            "--applicationName", typeof(WebApp).Assembly.GetName().Name!,
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:Upon=Data Source={database}",
            "--Demo:CreateOnEmptyDatabase=false",
        ]);

        app.RequireExplicitEndpointPolicies();
        var pages = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .Count(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        Assert.True(pages > 100, $"{pages} page endpoints were built");

        app.MapGet("/forgotten", () => "open to anyone");
        var error = Assert.Throws<InvalidOperationException>(app.RequireExplicitEndpointPolicies);
        Assert.Contains("/forgotten", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }
}
