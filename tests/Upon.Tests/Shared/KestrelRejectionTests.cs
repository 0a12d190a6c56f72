using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Shared;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared;

/// <summary>The real app on real Kestrel, listening on 127.0.0.1 (WebApplicationFactory's test server has no Kestrel).</summary>
public sealed class KestrelApp : IAsyncLifetime
{
    private WebApplication? _app;
    private TestDatabase? _database;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _app = WebApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            // The pages are found in the app's assembly, not the test runner's.
            "--applicationName", typeof(WebApp).Assembly.GetName().Name!,
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:Upon={_database.ConnectionString}",
            "--Demo:CreateOnEmptyDatabase=false",
            $"--{Upon.Shared.Hosting.StartupCodeRelease.DelaySetting}=0",
            "--NewDirectors:InvitationRunMinutes=0",
        ]);
        await _app.Services.InitialiseAsync(createDemoDataWhenEmpty: false);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Sends raw bytes on a new connection and returns everything the server answers until it closes.</summary>
    public async Task<string> SendRawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// Kestrel's own 400s, written before the app sees the request, carry the security headers; the app's answers on the
/// same listener are unchanged. Raw bytes over TCP, since no HTTP client sends these requests.
/// </summary>
public sealed class KestrelRejectionTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("GET / HTTP/1.1 extra\r\nHost: localhost\r\n\r\n")]
    [InlineData("G@T / HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: local host\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: localhost\r\nHost: other\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n")]
    public async Task KestrelsOwn400_HasTheSecurityHeaders(string request)
    {
        var response = await app.SendRawAsync(request);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", response, StringComparison.Ordinal);
        var head = response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.Contains($"\r\nContent-Security-Policy: {SecurityHeaders.ContentSecurityPolicy}\r\n", head + "\r\n", StringComparison.Ordinal);
        Assert.Contains("\r\nX-Content-Type-Options: nosniff", head, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Frame-Options: DENY", head, StringComparison.Ordinal);
        Assert.Contains("\r\nCache-Control: no-store", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppsOwnResponses_AreUnchanged()
    {
        var response = await app.SendRawAsync("GET /account/sign-in HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response, StringComparison.Ordinal);
        var head = response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.Single(head.Split("\r\n"), l => l.StartsWith("Content-Security-Policy:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<html", response, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AfterAGoodRequest_ABadOneOnTheSameConnection_StillGetsTheHeaders()
    {
        var response = await app.SendRawAsync("GET /no-such-page HTTP/1.1\r\nHost: localhost\r\n\r\nG@T / HTTP/1.1\r\nHost: localhost\r\n\r\n");

        var second = response.IndexOf("HTTP/1.1 400 Bad Request\r\n", StringComparison.Ordinal);
        Assert.True(second > 0, response);
        var head = response[second..response.IndexOf("\r\n\r\n", second, StringComparison.Ordinal)];
        Assert.Contains("\r\nContent-Security-Policy: ", head, StringComparison.Ordinal);
    }
}
