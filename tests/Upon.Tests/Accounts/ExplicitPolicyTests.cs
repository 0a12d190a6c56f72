using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
}
