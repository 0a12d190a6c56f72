using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Upon.Data;
using Upon.Shared.Hosting;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Hosting;

/// <summary>A background service that only records that it was started.</summary>
public sealed class StartProbe : IHostedService
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>An app whose gated background work would wait ten minutes for a first request, with nobody signed in at start.</summary>
public class GateWaitingForFirstAnswerApp() : UponApp(DatabaseProvider.Sqlite)
{
    protected virtual string BackgroundStartSeconds => "600";

    protected override bool SignsInEveryRole => false;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hosting:BackgroundStartSeconds", BackgroundStartSeconds)];

    protected override void ConfigureServices(IServiceCollection services) => services.AddGatedHostedService<StartProbe>();
}

/// <summary>The same app with a third of a second's wait.</summary>
public sealed class GateOpeningByItselfApp : GateWaitingForFirstAnswerApp
{
    protected override string BackgroundStartSeconds => "0.3";
}

/// <summary>The web app's background work starts once the first request has been answered, so as not to compete with it.</summary>
public sealed class StartGateWaitsForFirstAnswerTests(GateWaitingForFirstAnswerApp app) : IClassFixture<GateWaitingForFirstAnswerApp>
{
    [Fact]
    public async Task BackgroundWork_StartsWhenTheFirstRequestIsAnswered_NotBefore()
    {
        var probe = app.Services.GetRequiredService<StartProbe>();
        var activity = app.Services.GetRequiredService<RequestActivity>();

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, activity.Answered);
        Assert.False(probe.Started.IsCompleted);

        // Any answer opens the gate, a page not found too.
        using var response = await app.CreateAnonymousClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        await probe.Started.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, activity.Answered);
    }
}

/// <summary>Without any request, the background work starts once <c>Hosting:BackgroundStartSeconds</c> have passed.</summary>
public sealed class StartGateOpensByItselfTests(GateOpeningByItselfApp app) : IClassFixture<GateOpeningByItselfApp>
{
    [Fact]
    public async Task NoRequest_BackgroundWorkStartsAfterTheSetWait()
    {
        var probe = app.Services.GetRequiredService<StartProbe>();

        await probe.Started.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, app.Services.GetRequiredService<RequestActivity>().Answered);
    }
}
