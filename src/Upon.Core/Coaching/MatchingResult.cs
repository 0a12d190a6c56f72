namespace Upon.Core.Coaching;

/// <summary>A proposed pair with its score and the reasons that scored.</summary>
/// <param name="Participant">The participant's key (email address).</param>
/// <param name="Coach">The coach's key (email address).</param>
/// <param name="Score">What the pair scores, and why.</param>
/// <param name="Locked">Whether staff locked it (it was kept rather than chosen).</param>
/// <param name="BrokenRules">The rules a locked pair breaks (always empty for a pair the solver chose).</param>
/// <param name="Reasons">The explanation shown to staff: what scored, or for a locked pair that it was locked and the rules it breaks.</param>
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
    /// <summary>Give a full coach who breaks no other rule one more place (given only when re-solving with it matches them).</summary>
    RaiseCapacity,

    /// <summary>The participant asks for the coach's missing characteristics as "would like" rather than "must".</summary>
    RelaxMust,

    /// <summary>The participant accepts the mode the coach offers (online, or in person).</summary>
    ChangeMode,

    /// <summary>The participant takes the coach off their avoid list.</summary>
    RemoveAvoid,

    /// <summary>Staff allow the participant to be matched with a coach who coached them before.</summary>
    AllowPreviousCoach,

    /// <summary>Staff lift their forbid on the pair in this round.</summary>
    LiftForbid,
}

/// <summary>One change that, on its own, would let the participant be matched with <paramref name="Coach"/>.</summary>
public sealed record MatchSuggestion(SuggestionKind Kind, string Coach, string Sentence);

/// <summary>What one more place for a coach does when the round is re-solved.</summary>
/// <param name="Coach">The coach's key (email address).</param>
/// <param name="Matched">How many participants the re-solved round matches.</param>
/// <param name="Participants">The participants (keys) it matches.</param>
public sealed record RaisedPlace(string Coach, int Matched, IReadOnlySet<string> Participants);

/// <summary>
/// What one more place for each coach would do, found by re-solving the round once for each coach who breaks no rule but
/// the lack of a place for someone left unmatched (<see cref="CoachMatcher.ProbeCapacity"/>).
/// </summary>
/// <param name="Matched">How many participants the round's optimum matches.</param>
/// <param name="Raised">By coach key: the re-solved round with one more place for that coach.</param>
/// <param name="Unchecked">Coaches (keys) who might have been checked but were not, the round being too large to re-solve for each.</param>
public sealed record CapacityProbe(int Matched, IReadOnlyDictionary<string, RaisedPlace> Raised, IReadOnlySet<string> Unchecked)
{
    /// <summary>Nothing checked.</summary>
    public static CapacityProbe None { get; } = new(0, new Dictionary<string, RaisedPlace>(), new HashSet<string>());

    /// <summary>Whether one more place for <paramref name="coach"/> matches <paramref name="participant"/> when the round is re-solved.</summary>
    public bool WouldMatch(string coach, string participant) =>
        Raised.TryGetValue(coach, out var raised) && raised.Participants.Contains(participant);

    /// <summary>How many more participants the round matches with one more place for <paramref name="coach"/> (0 when not checked).</summary>
    public int ExtraMatched(string coach) => Raised.TryGetValue(coach, out var raised) ? Math.Max(0, raised.Matched - Matched) : 0;
}

/// <summary>The optimum of a round: the proposed pairs, the participants left unmatched, and the totals.</summary>
/// <param name="Pairs">The proposed pairs.</param>
/// <param name="Unmatched">The participants left unmatched, with why.</param>
/// <param name="Capacity">What one more place for each coach would do; null when not found yet.</param>
public sealed record MatchingResult(IReadOnlyList<ProposedPair> Pairs, IReadOnlyList<UnmatchedParticipant> Unmatched, CapacityProbe? Capacity = null)
{
    /// <summary>How many participants were matched (locked pairs included).</summary>
    public int Matched => Pairs.Count;

    /// <summary>The sum of every proposed pair's score.</summary>
    public int TotalScore => Pairs.Sum(p => p.Score.Total);
}
