using System.Collections.Concurrent;
using NodaTime;

namespace Upon.Accounts;

/// <summary>
/// The API tokens this instance has authenticated, by hash: each with its owner's principal as it was read, the data
/// version it was read at and when its last use was written. It saves the query that reads the owner's roles and claims
/// on every request, never the check itself: <see cref="ApiTokenService.FindActiveAsync"/> still asks the database on
/// every request, in one command by primary key, whether the token is unrevoked and its owner enabled with the same
/// security stamp, and reads the data version with it. A change to an account, its roles or its claims raises the data
/// version (<see cref="Upon.Data.DataVersions"/>), so the remembered principal is used only while the version is the one
/// it was read at; revoking a token, disabling its owner or changing the owner's stamp is refused on the next request, on
/// every instance.
/// </summary>
public sealed class ApiTokenMemory
{
    /// <summary>More tokens than this and the memory starts again.</summary>
    public const int MaxTokens = 10_000;

    internal sealed record Entry(ActiveToken Token, long Version, Instant? LastUsedAt);

    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    internal Entry? Recall(string hash) => _tokens.TryGetValue(hash, out var entry) ? entry : null;

    internal void Remember(string hash, Entry entry)
    {
        if (_tokens.Count >= MaxTokens)
        {
            _tokens.Clear();
        }
        _tokens[hash] = entry;
    }

    internal void Forget(string hash) => _tokens.TryRemove(hash, out _);
}
