using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Upon.Tests.Infrastructure;

/// <summary>Clients of a test host (<see cref="UponApp"/>, a second instance, or one derived with other services).</summary>
public static class HostClients
{
    /// <summary>A client of <paramref name="host"/> that has not signed in; it keeps cookies and does not follow redirects.</summary>
    public static HttpClient CreateCookieClient(this WebApplicationFactory<Program> host) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(new CookieContainer()));

    /// <summary>
    /// A client of <paramref name="host"/>'s JSON API with <paramref name="token"/>, as a program would call it: no cookies,
    /// so no antiforgery token is needed.
    /// </summary>
    public static HttpClient CreateApiClient(this WebApplicationFactory<Program> host, string token)
    {
        var client = host.CreateDefaultClient(new Uri("http://localhost"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
