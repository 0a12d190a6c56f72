using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Shared.Hosting;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Hosting;

/// <summary>An app that gives memory back after a fifth of a second without requests, as often as that happens.</summary>
public sealed class QuickTrimApp() : UponApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new(MemoryTrimPolicy.QuietSetting, "0.2"),
        new(MemoryTrimPolicy.AtMostEverySetting, "0"),
    ];
}

/// <summary>The server gives back the memory a burst of requests left behind once it goes quiet, and never while serving.</summary>
public sealed class IdleMemoryTrimmerTests(QuickTrimApp app) : IClassFixture<QuickTrimApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IdleMemoryTrimmer Trimmer => app.Services.GetRequiredService<IdleMemoryTrimmer>();

    [Fact]
    public async Task QuietAfterRequests_MemoryIsReturned_OnceUntilTheNextRequest()
    {
        // The fixture's own sign-ins are trimmed after first, so that they cannot be counted here.
        await SettleAsync();
        var before = Trimmer.Trims;
        await GetAsync("/programme/sessions");
        await WaitForTrimsAsync(before + 1);

        // Quiet with nothing answered since: five quiet periods pass without another trim.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(before + 1, Trimmer.Trims);

        await GetAsync("/health/live");
        await WaitForTrimsAsync(before + 2);
    }

    [Fact]
    public async Task RequestUnderWay_NothingIsReturnedUntilItEnds()
    {
        var activity = app.Services.GetRequiredService<RequestActivity>();
        await GetAsync("/programme/sessions");
        activity.Began();
        long during;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            during = Trimmer.Trims;
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(during, Trimmer.Trims);
        }
        finally
        {
            activity.Ended();
        }
        await WaitForTrimsAsync(during + 1);
    }

    [Theory]
    [InlineData(0, 1, 10, 3600, true)]
    [InlineData(1, 1, 10, 3600, false)] // a request under way
    [InlineData(0, 0, 10, 3600, false)] // nothing answered since the last trim
    [InlineData(0, 1, 9, 3600, false)] // not quiet for long enough
    [InlineData(0, 1, 10, 59, false)] // too soon after the last trim
    [InlineData(0, 1, 10, 60, true)]
    public void Policy_TrimsOnlyWhenQuietAfterRequests(long inFlight, long answered, int quietSeconds, int sinceLastTrimSeconds, bool expected)
    {
        var policy = new MemoryTrimPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        Assert.Equal(expected, policy.ShouldTrim(inFlight, answered, TimeSpan.FromSeconds(quietSeconds), TimeSpan.FromSeconds(sinceLastTrimSeconds)));
    }

    [Fact]
    public void Policy_BeforeTheFirstTrim_NeedsOnlyQuiet()
    {
        var policy = new MemoryTrimPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        Assert.True(policy.ShouldTrim(0, 1, TimeSpan.FromSeconds(10), TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData(null, null, 10, 60)]
    [InlineData("0", "0", 0, 0)]
    [InlineData("-5", "99999", 0, 3600)]
    [InlineData("99999", "-1", 3600, 0)]
    public void Policy_FromSettings_DefaultsAndBounds(string? quiet, string? atMostEvery, int expectedQuiet, int expectedAtMostEvery)
    {
        var settings = new Dictionary<string, string?>();
        if (quiet is not null)
        {
            settings[MemoryTrimPolicy.QuietSetting] = quiet;
        }
        if (atMostEvery is not null)
        {
            settings[MemoryTrimPolicy.AtMostEverySetting] = atMostEvery;
        }
        var policy = MemoryTrimPolicy.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal((TimeSpan.FromSeconds(expectedQuiet), TimeSpan.FromSeconds(expectedAtMostEvery)), (policy.Quiet, policy.AtMostEvery));
        Assert.Equal(expectedQuiet > 0, policy.Enabled);
    }

    private async Task GetAsync(string url)
    {
        using var response = await app.CreateAnonymousClient().GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until every request answered so far has been followed by its trim.</summary>
    private async Task SettleAsync()
    {
        var activity = app.Services.GetRequiredService<RequestActivity>();
        await WaitUntilAsync(() => activity.InFlight == 0 && Trimmer.AnsweredAtLastTrim >= activity.Answered);
        Assert.Equal(activity.Answered, Trimmer.AnsweredAtLastTrim);
    }

    private async Task WaitForTrimsAsync(long expected)
    {
        await WaitUntilAsync(() => Trimmer.Trims >= expected);
        Assert.Equal(expected, Trimmer.Trims);
    }

    /// <summary>Polls <paramref name="done"/> until it holds or <see cref="Patience"/> runs out; the caller asserts.</summary>
    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
