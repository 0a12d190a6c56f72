using Upon.Core.Coaching;

namespace Upon.Core.Tests.Coaching;

internal static class CoachingBuilders
{
    public static MatchCoach Coach(
        string key = "ada@example.test",
        string name = "Ada Obi",
        int freePlaces = 1,
        bool online = true,
        bool inPerson = false,
        string[]? regions = null,
        string[]? characteristics = null,
        AuthorityKind[]? kinds = null,
        string[]? conflicts = null) =>
        new(key, name, freePlaces, online, inPerson,
            (regions ?? []).ToHashSet(), (characteristics ?? []).ToHashSet(), (kinds ?? []).ToHashSet(), (conflicts ?? []).ToHashSet());

    public static MatchRequest Request(
        string key = "pat@example.test",
        string? authority = null,
        string[]? must = null,
        string[]? wouldLike = null,
        AuthorityKind? kind = null,
        RequestedMode mode = RequestedMode.Either,
        string? region = "E12000001",
        string[]? avoid = null,
        string[]? previous = null,
        bool previousAllowed = false) =>
        new(key, key, authority, (must ?? []).ToHashSet(), (wouldLike ?? []).ToHashSet(), kind, mode, region,
            (avoid ?? []).ToHashSet(), (previous ?? []).ToHashSet(), previousAllowed);
}
