using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared;

public static class ApiTesting
{
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
