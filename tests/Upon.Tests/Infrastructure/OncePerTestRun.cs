using System.Collections.Concurrent;

namespace Upon.Tests.Infrastructure;

/// <summary>
/// A value made at most once per test run for each key, by the first caller that asks for it; callers that ask while it
/// is being made wait for it. A failed making is not kept: the next caller tries again and reports its own failure. Each
/// key has its own gate, so one key's making (a PostgreSQL template) never waits for another's (the SQLite one).
/// </summary>
internal sealed class OncePerTestRun<TKey, TValue>(Func<TKey, Task<TValue>> make) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<TKey, TValue> _made = new();

    public async Task<TValue> GetAsync(TKey key)
    {
        if (_made.TryGetValue(key, out var made))
        {
            return made;
        }
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (!_made.TryGetValue(key, out made))
            {
                made = await make(key);
                _made[key] = made;
            }
            return made;
        }
        finally
        {
            gate.Release();
        }
    }
}
