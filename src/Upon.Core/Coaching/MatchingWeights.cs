namespace Upon.Core.Coaching;

/// <summary>The points a pair scores, stored with each round; staff can change them per round.</summary>
/// <param name="WouldLike">For each "would like" characteristic the coach shares (default 10).</param>
/// <param name="AuthorityKind">When the coach led the kind of authority asked for (default 4).</param>
/// <param name="InPerson">When the participant asked for in-person coaching (default 3).</param>
public sealed record MatchingWeights(int WouldLike = 10, int AuthorityKind = 4, int InPerson = 3)
{
    /// <summary>The largest weight staff may set.</summary>
    public const int Max = 100;

    /// <summary>The default weights: 10, 4 and 3.</summary>
    public static MatchingWeights Default { get; } = new();

    /// <summary>Whether every weight is from 0 to <see cref="Max"/>.</summary>
    public bool IsValid => WouldLike is >= 0 and <= Max && AuthorityKind is >= 0 and <= Max && InPerson is >= 0 and <= Max;
}
