using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Upon.Shared.Hosting;

/// <summary>
/// When to hand memory back to the machine: once no request has been under way for <see cref="Quiet"/>, if requests were
/// answered since the last time, and at most once every <see cref="AtMostEvery"/>. A busy server keeps its heap (it would
/// only grow it again); one that has gone quiet returns what the load left behind.
/// </summary>
public sealed record MemoryTrimPolicy(TimeSpan Quiet, TimeSpan AtMostEvery)
{
    public const string QuietSetting = "Hosting:TrimMemoryWhenQuietSeconds";
    public const string AtMostEverySetting = "Hosting:TrimMemoryAtMostEverySeconds";

    public bool Enabled => Quiet > TimeSpan.Zero;

    /// <param name="sinceLastTrim">How long since the last trim; <see cref="TimeSpan.MaxValue"/> before the first.</param>
    public bool ShouldTrim(long inFlight, long answeredSinceLastTrim, TimeSpan quietFor, TimeSpan sinceLastTrim) =>
        Enabled && inFlight == 0 && answeredSinceLastTrim > 0 && quietFor >= Quiet && sinceLastTrim >= AtMostEvery;

    /// <summary>From settings, each bounded to an hour: 10 seconds quiet, at most once a minute, by default; 0 quiet turns it off.</summary>
    public static MemoryTrimPolicy From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(QuietSetting, 10.0), 0, 3600)),
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(AtMostEverySetting, 60.0), 0, 3600)));
}

/// <summary>
/// Returns the memory a burst of requests left behind once the server goes quiet (<see cref="MemoryTrimPolicy"/>): a
/// full, compacting collection that gives the garbage collector's free regions back (<see cref="GCCollectionMode.Aggressive"/>,
/// which is meant for this), then glibc's <c>malloc_trim</c>, which gives back the native heap's free pages. After
/// <c>bench/load.sh</c>'s load the server's resident memory falls from about 305 MB to 244 to 256 MB (bench/README.md).
/// Under load it never runs: a collection that compacts the whole heap would pause every request for tens of milliseconds.
/// </summary>
public sealed class IdleMemoryTrimmer(RequestActivity activity, IConfiguration configuration, ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    private readonly MemoryTrimPolicy _policy = MemoryTrimPolicy.From(configuration);
    private long _answeredAtLastTrim;
    private long _lastTrimTicks = -1;
    private long _trims;

    /// <summary>How many times memory was returned since the app started.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    /// <summary>How many requests had been answered at the last trim; once it equals <see cref="RequestActivity.Answered"/>, no trim is due.</summary>
    public long AnsweredAtLastTrim => Interlocked.Read(ref _answeredAtLastTrim);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_policy.Enabled)
        {
            return;
        }
        // Often enough to trim soon after the quiet period ends; a check is three reads.
        var check = TimeSpan.FromMilliseconds(Math.Clamp(_policy.Quiet.TotalMilliseconds / 4, 50, 1000));
        using var timer = new PeriodicTimer(check);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            TrimIfQuiet();
        }
    }

    private void TrimIfQuiet()
    {
        var answered = activity.Answered;
        var sinceLastTrim = _lastTrimTicks < 0 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(Environment.TickCount64 - _lastTrimTicks);
        if (!_policy.ShouldTrim(activity.InFlight, answered - _answeredAtLastTrim, activity.QuietFor, sinceLastTrim))
        {
            return;
        }
        var before = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var native = NativeHeap.Trim();
        _lastTrimTicks = Environment.TickCount64;
        // Counted before the requests it covers are, so that whoever sees them covered sees the trim too.
        Interlocked.Increment(ref _trims);
        Interlocked.Exchange(ref _answeredAtLastTrim, answered);
        logger.LogDebug("Quiet for {Seconds} s: memory returned in {Milliseconds} ms, resident {Before} MB to {After} MB (native heap trimmed: {Native})",
            (int)_policy.Quiet.TotalSeconds, watch.ElapsedMilliseconds, before >> 20, Environment.WorkingSet >> 20, native);
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
