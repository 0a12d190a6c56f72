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

/// <summary>An app that trims only the C heap, every fifth of a second while requests are answered.</summary>
public sealed class ServingTrimApp() : UponApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new(MemoryTrimPolicy.QuietSetting, "0"),
        new(MemoryTrimPolicy.NativeWhileServingSetting, "0.2"),
    ];
}

/// <summary>While requests are being answered, the server gives back the C heap's free pages, and nothing else.</summary>
public sealed class NativeHeapTrimWhileServingTests(ServingTrimApp app) : IClassFixture<ServingTrimApp>
{
    private IdleMemoryTrimmer Trimmer => app.Services.GetRequiredService<IdleMemoryTrimmer>();

    [Fact]
    public async Task RequestsAnswered_TheCHeapIsTrimmed_WithARequestUnderWay_AndNotAgainUntilTheNextAnswer()
    {
        var activity = app.Services.GetRequiredService<RequestActivity>();
        activity.Began();
        try
        {
            await TrimmerTestSteps.GetAsync(app, "/programme/sessions");
            // Every answer so far is covered by a trim, made while a request was under way.
            await TrimmerTestSteps.UntilAsync(() => Trimmer.AnsweredAtLastNativeTrim == activity.Answered);
            Assert.Equal(activity.Answered, Trimmer.AnsweredAtLastNativeTrim);
            Assert.Equal(1, activity.InFlight);
            var trims = Trimmer.NativeTrims;
            Assert.True(trims > 0);

            // Nothing answered since: five periods pass without another trim.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(trims, Trimmer.NativeTrims);

            await TrimmerTestSteps.GetAsync(app, "/health/live");
            await TrimmerTestSteps.UntilAsync(() => Trimmer.NativeTrims > trims);
            Assert.Equal(trims + 1, Trimmer.NativeTrims);
        }
        finally
        {
            activity.Ended();
        }
        // The full collection is off in this app: it never ran.
        Assert.Equal(0, Trimmer.Trims);
    }
}

/// <summary>The server gives back the memory a burst of requests left behind once it goes quiet, and never while serving.</summary>
public sealed class IdleMemoryTrimmerTests(QuickTrimApp app) : IClassFixture<QuickTrimApp>
{
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
        var policy = new MemoryTrimPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));

        Assert.Equal(expected, policy.ShouldTrim(inFlight, answered, TimeSpan.FromSeconds(quietSeconds), TimeSpan.FromSeconds(sinceLastTrimSeconds)));
    }

    [Theory]
    [InlineData(1, 3, true)]
    [InlineData(0, 3600, false)] // nothing answered since the last trim of the C heap
    [InlineData(1, 2, false)] // too soon after it
    public void Policy_TrimsTheCHeapWhileServing_AfterAnswersOnly(long answered, int sinceLastTrimSeconds, bool expected)
    {
        var policy = new MemoryTrimPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));

        Assert.Equal(expected, policy.ShouldTrimNative(answered, TimeSpan.FromSeconds(sinceLastTrimSeconds)));
        var off = policy with { NativeWhileServing = TimeSpan.Zero };
        Assert.False(off.ShouldTrimNative(answered, TimeSpan.MaxValue));
    }

    [Fact]
    public void Policy_BeforeTheFirstTrim_NeedsOnlyQuiet()
    {
        var policy = new MemoryTrimPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3));

        Assert.True(policy.ShouldTrim(0, 1, TimeSpan.FromSeconds(10), TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData(null, null, null, 10, 60, 3)]
    [InlineData("0", "0", "0", 0, 0, 0)]
    [InlineData("-5", "99999", "-1", 0, 3600, 0)]
    [InlineData("99999", "-1", "99999", 3600, 0, 3600)]
    public void Policy_FromSettings_DefaultsAndBounds(
        string? quiet, string? atMostEvery, string? whileServing, int expectedQuiet, int expectedAtMostEvery, int expectedWhileServing)
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
        if (whileServing is not null)
        {
            settings[MemoryTrimPolicy.NativeWhileServingSetting] = whileServing;
        }
        var policy = MemoryTrimPolicy.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal(
            (TimeSpan.FromSeconds(expectedQuiet), TimeSpan.FromSeconds(expectedAtMostEvery), TimeSpan.FromSeconds(expectedWhileServing)),
            (policy.Quiet, policy.AtMostEvery, policy.NativeWhileServing));
        Assert.Equal(expectedQuiet > 0, policy.Enabled);
        Assert.Equal(expectedWhileServing > 0, policy.NativeWhileServingEnabled);
    }

    private Task GetAsync(string url) => TrimmerTestSteps.GetAsync(app, url);

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

    private static Task WaitUntilAsync(Func<bool> done) => TrimmerTestSteps.UntilAsync(done);
}

/// <summary>What both trimmer test classes do: answer a request as an anonymous visitor, and wait for the trimmer.</summary>
internal static class TrimmerTestSteps
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task GetAsync(UponApp app, string url)
    {
        using var client = app.CreateAnonymousClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls <paramref name="done"/> until it holds or half a minute runs out; the caller asserts.</summary>
    public static async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
