using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Upon.Core;

namespace Upon.Shared.Figures;

/// <summary>A computed figure and how long it holds without a change of data: until <see cref="ValidUntil"/> when set (an invitation's link expiring, say), otherwise all day.</summary>
public sealed record Computed<T>(T Value, Instant? ValidUntil = null);

/// <summary>A figure from the cache, with the entity tag that names it (for <c>ETag</c> and <c>If-None-Match</c>).</summary>
public sealed record CachedFigure<T>(T Value, string ETag);

/// <summary>
/// This instance's figures, each computed once per data version (<see cref="DataVersion"/>) and London day. Read it
/// through the scoped <see cref="FigureReader"/>, which checks the version once per request; this singleton holds the entries.
/// One computation runs at a time per key: requests that arrive while it runs wait for it instead of repeating it.
/// </summary>
public sealed class FigureCache(IServiceScopeFactory scopes, IClock clock)
{
    /// <summary>More entries than this (figures of many periods, say) and the oldest versions are dropped.</summary>
    public const int MaxEntries = 1000;

    private sealed record Entry(long Version, LocalDate Day, Instant? ValidUntil, object? Value, string ETag);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>How many times a figure was computed on this instance (for the benchmarks and tests).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    private long _computations;

    internal async Task<CachedFigure<T>> GetAsync<T>(
        string key, long version, Func<IServiceProvider, CancellationToken, Task<Computed<T>>> compute, CancellationToken cancellationToken)
    {
        if (Fresh(key, version) is { } hit)
        {
            return new((T)hit.Value!, hit.ETag);
        }
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(key, version) is { } computedMeanwhile)
            {
                return new((T)computedMeanwhile.Value!, computedMeanwhile.ETag);
            }
            var day = Today();
            // Its own scope: a request that gives up does not take the others' computation with it.
            await using var scope = scopes.CreateAsyncScope();
            var computed = await compute(scope.ServiceProvider, cancellationToken);
            Interlocked.Increment(ref _computations);
            var entry = new Entry(version, day, computed.ValidUntil, computed.Value, ETag(key, version, day, computed.ValidUntil));
            Trim(version);
            _entries[key] = entry;
            return new(computed.Value, entry.ETag);
        }
        finally
        {
            gate.Release();
        }
    }

    private Entry? Fresh(string key, long version)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Version != version || entry.Day != Today())
        {
            return null;
        }
        return entry.ValidUntil is { } until && clock.GetCurrentInstant() >= until ? null : entry;
    }

    private LocalDate Today() => clock.GetCurrentInstant().InZone(Time.London).Date;

    private void Trim(long version)
    {
        if (_entries.Count < MaxEntries)
        {
            return;
        }
        foreach (var (key, entry) in _entries)
        {
            if (entry.Version != version)
            {
                _entries.TryRemove(key, out _);
            }
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }

    // The build is part of the tag: a new release may render the same figures differently.
    private static readonly string Build = typeof(FigureCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static string ETag(string key, long version, LocalDate day, Instant? validUntil) =>
        TagOf($"{key}|{version}|{day:yyyy-MM-dd}|{validUntil?.ToUnixTimeTicks()}");

    /// <summary>A strong entity tag naming <paramref name="text"/> in this build.</summary>
    public static string TagOf(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Build}|{text}"));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }
}
