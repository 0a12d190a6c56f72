using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Upon.Shared.Hosting;

/// <summary>
/// When to hand memory back to the machine. Once no request has been under way for <see cref="Quiet"/>, if requests were
/// answered since the last time, and at most once every <see cref="AtMostEvery"/>: everything the load left behind (a
/// busy server keeps its garbage-collected heap, which it would only grow again). And while requests are being answered,
/// every <see cref="NativeWhileServing"/>: the C heap's free pages only, which need no collection.
/// </summary>
public sealed record MemoryTrimPolicy(TimeSpan Quiet, TimeSpan AtMostEvery, TimeSpan NativeWhileServing)
{
    public const string QuietSetting = "Hosting:TrimMemoryWhenQuietSeconds";
    public const string AtMostEverySetting = "Hosting:TrimMemoryAtMostEverySeconds";
    public const string NativeWhileServingSetting = "Hosting:TrimNativeHeapWhileServingSeconds";

    /// <summary>Whether the quiet trim runs.</summary>
    public bool Enabled => Quiet > TimeSpan.Zero;

    /// <summary>Whether the C heap is trimmed while requests are being answered.</summary>
    public bool NativeWhileServingEnabled => NativeWhileServing > TimeSpan.Zero;

    /// <param name="sinceLastTrim">How long since the last trim; <see cref="TimeSpan.MaxValue"/> before the first.</param>
    public bool ShouldTrim(long inFlight, long answeredSinceLastTrim, TimeSpan quietFor, TimeSpan sinceLastTrim) =>
        Enabled && inFlight == 0 && answeredSinceLastTrim > 0 && quietFor >= Quiet && sinceLastTrim >= AtMostEvery;

    /// <param name="answeredSinceLastTrim">Requests answered since the C heap was last trimmed, by either trim.</param>
    /// <param name="sinceLastTrim">How long since the C heap was last trimmed; <see cref="TimeSpan.MaxValue"/> before the first time.</param>
    public bool ShouldTrimNative(long answeredSinceLastTrim, TimeSpan sinceLastTrim) =>
        NativeWhileServingEnabled && answeredSinceLastTrim > 0 && sinceLastTrim >= NativeWhileServing;

    /// <summary>
    /// From settings, each bounded to an hour: 10 seconds quiet, at most once a minute, and the C heap every 3 seconds
    /// while serving, by default; 0 quiet or 0 while serving turns that trim off.
    /// </summary>
    public static MemoryTrimPolicy From(IConfiguration configuration) => new(
        Seconds(configuration, QuietSetting, 10), Seconds(configuration, AtMostEverySetting, 60), Seconds(configuration, NativeWhileServingSetting, 3));

    private static TimeSpan Seconds(IConfiguration configuration, string key, double defaultSeconds) =>
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(key, defaultSeconds), 0, 3600));
}

/// <summary>
/// Returns the memory a burst of requests left behind once the server goes quiet (<see cref="MemoryTrimPolicy"/>): a
/// full, compacting collection that gives the garbage collector's free regions back (<see cref="GCCollectionMode.Aggressive"/>,
/// which is meant for this), then glibc's <c>malloc_trim</c>, which gives back the native heap's free pages. Under load
/// the collection never runs, since compacting the whole heap would pause every request for tens of milliseconds; only
/// <c>malloc_trim</c> does, every few seconds, on this background thread: glibc never gives back free pages in the middle
/// of its heaps by itself, and under load they are most of what the C heap grows by (bench/README.md, twelfth round).
/// </summary>
public sealed class IdleMemoryTrimmer(RequestActivity activity, IConfiguration configuration, ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    private readonly MemoryTrimPolicy _policy = MemoryTrimPolicy.From(configuration);
    private long _answeredAtLastTrim;
    private long _lastTrimTicks = -1;
    private long _trims;
    private long _answeredAtLastNativeTrim;
    private long _lastNativeTrimTicks = -1;
    private long _nativeTrims;

    /// <summary>How many times memory was returned after the server went quiet, since the app started.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    /// <summary>How many requests had been answered at the last trim; once it equals <see cref="RequestActivity.Answered"/>, no trim is due.</summary>
    public long AnsweredAtLastTrim => Interlocked.Read(ref _answeredAtLastTrim);

    /// <summary>How many times the C heap alone was trimmed while requests were being answered, since the app started.</summary>
    public long NativeTrims => Interlocked.Read(ref _nativeTrims);

    /// <summary>How many requests had been answered when the C heap was last trimmed, by either trim.</summary>
    public long AnsweredAtLastNativeTrim => Interlocked.Read(ref _answeredAtLastNativeTrim);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_policy.Enabled && !_policy.NativeWhileServingEnabled)
        {
            return;
        }
        // Often enough to trim soon after each period ends; a check is a few reads.
        var shortest = new[] { _policy.Quiet, _policy.NativeWhileServing }.Where(p => p > TimeSpan.Zero).Min();
        var check = TimeSpan.FromMilliseconds(Math.Clamp(shortest.TotalMilliseconds / 4, 50, 1000));
        using var timer = new PeriodicTimer(check);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!TrimIfQuiet())
            {
                TrimNativeIfServing();
            }
        }
    }

    private static TimeSpan Since(long ticks) => ticks < 0 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(Environment.TickCount64 - ticks);

    private bool TrimIfQuiet()
    {
        var answered = activity.Answered;
        if (!_policy.ShouldTrim(activity.InFlight, answered - _answeredAtLastTrim, activity.QuietFor, Since(_lastTrimTicks)))
        {
            return false;
        }
        var before = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var native = NativeHeap.Trim();
        _lastTrimTicks = _lastNativeTrimTicks = Environment.TickCount64;
        Interlocked.Exchange(ref _answeredAtLastNativeTrim, answered);
        // Counted before the requests it covers are, so that whoever sees them covered sees the trim too.
        Interlocked.Increment(ref _trims);
        Interlocked.Exchange(ref _answeredAtLastTrim, answered);
        logger.LogDebug("Quiet for {Seconds} s: memory returned in {Milliseconds} ms, resident {Before} MB to {After} MB (native heap trimmed: {Native})",
            (int)_policy.Quiet.TotalSeconds, watch.ElapsedMilliseconds, before >> 20, Environment.WorkingSet >> 20, native);
        return true;
    }

    private void TrimNativeIfServing()
    {
        var answered = activity.Answered;
        if (!_policy.ShouldTrimNative(answered - _answeredAtLastNativeTrim, Since(_lastNativeTrimTicks)))
        {
            return;
        }
        var watch = Stopwatch.StartNew();
        var native = NativeHeap.Trim();
        _lastNativeTrimTicks = Environment.TickCount64;
        Interlocked.Increment(ref _nativeTrims);
        Interlocked.Exchange(ref _answeredAtLastNativeTrim, answered);
        logger.LogTrace("Serving: native heap trimmed in {Milliseconds} ms (memory returned: {Native})", watch.ElapsedMilliseconds, native);
    }
}

/// <summary>glibc's <c>malloc_trim</c>: the C heap's free pages, in every arena, given back to the operating system.</summary>
internal static class NativeHeap
{
    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>True when memory was given back; false when none was, or on a system without glibc (Windows, musl).</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }
        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
