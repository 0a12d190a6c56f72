using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared;

public static class ApiTesting
{
    /// <summary>A client that authenticates with a fresh personal API token of the test account of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> CreateTokenClientAsync(this UponApp app, string role)
    {
        var secret = await app.WithScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(UponApp.EmailFor(role));
            return (await s.GetRequiredService<ApiTokenService>().CreateAsync(user!.Id, "tests")).Secret;
        });
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Asserts that <paramref name="response"/> is ProblemDetails JSON with <paramref name="status"/>, and returns it.</summary>
    public static async Task<System.Text.Json.JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }
}
