namespace Upon.Core.Coaching;

/// <summary>A proposed pair with its score and the reasons that scored.</summary>
/// <param name="Locked">Whether staff locked it (it was kept rather than chosen).</param>
/// <param name="BrokenRules">The rules a locked pair breaks (always empty for a pair the solver chose).</param>
public sealed record ProposedPair(
    string Participant,
    string Coach,
    PairScore Score,
    bool Locked,
    IReadOnlyList<PairExclusion> BrokenRules,
    IReadOnlyList<string> Reasons);

/// <summary>A participant left unmatched, why, and which single changes would match them.</summary>
public sealed record UnmatchedParticipant(string Participant, IReadOnlyList<string> Reasons, IReadOnlyList<MatchSuggestion> Suggestions);

/// <summary>What kind of single change would let an unmatched participant be matched.</summary>
public enum SuggestionKind
{
    RaiseCapacity,
    RelaxMust,
    ChangeMode,
    RemoveAvoid,
    AllowPreviousCoach,
    LiftForbid,
}

/// <summary>One change that, on its own, would let the participant be matched with <paramref name="Coach"/>.</summary>
public sealed record MatchSuggestion(SuggestionKind Kind, string Coach, string Sentence);

/// <summary>The optimum of a round: the proposed pairs, the participants left unmatched, and the totals.</summary>
public sealed record MatchingResult(IReadOnlyList<ProposedPair> Pairs, IReadOnlyList<UnmatchedParticipant> Unmatched)
{
    public int Matched => Pairs.Count;

    public int TotalScore => Pairs.Sum(p => p.Score.Total);
}
