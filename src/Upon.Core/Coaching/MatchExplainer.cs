namespace Upon.Core.Coaching;

/// <summary>
/// Why a participant was left unmatched: how many coaches each rule excluded, how many allowed coaches were filled by
/// others, and which single change would match them (one more place for a coach who fails no other rule, when
/// re-solving the round with it matches them; or a coach with a place left who fails one rule the participant or staff
/// could change: the round re-solved would then match them, as only their own pair is added and the place is free).
/// </summary>
public static class MatchExplainer
{
    /// <summary>The most suggestions listed for one participant.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>Why <paramref name="request"/>'s participant was left unmatched, and the single changes that would match them.</summary>
    /// <param name="request">The unmatched participant's request.</param>
    /// <param name="coaches">Every coach in the round.</param>
    /// <param name="takenByCoach">Places each coach (same order as <paramref name="coaches"/>) was given in the result.</param>
    /// <param name="forbidden">The pairs staff forbade in the round.</param>
    /// <param name="capacity">What one more place for each coach would do (<see cref="CoachMatcher.ProbeCapacity"/>).</param>
    public static UnmatchedParticipant ExplainUnmatched(
        MatchRequest request, IReadOnlyList<MatchCoach> coaches, IReadOnlyList<int> takenByCoach, IReadOnlySet<PairKey> forbidden, CapacityProbe capacity)
    {
        var reasons = new List<string>();
        if (coaches.Count == 0)
        {
            reasons.Add("There are no coaches in the round.");
            return new UnmatchedParticipant(request.Key, reasons, []);
        }

        var counts = Enum.GetValues<PairExclusion>().ToDictionary(e => e, _ => 0);
        var sharingMust = 0;
        var sharingMustFull = 0;
        var allowedButFilled = 0;
        var suggestions = new List<MatchSuggestion>();
        var notChecked = 0;
        for (var j = 0; j < coaches.Count; j++)
        {
            var coach = coaches[j];
            var isForbidden = forbidden.Contains(CoachMatcher.Normalise(new PairKey(request.Key, coach.Key)));
            var exclusions = PairRules.Exclusions(request, coach, isForbidden);
            foreach (var e in exclusions) counts[e]++;
            var full = coach.FreePlaces - takenByCoach[j] <= 0;
            if (PairRules.SharesEveryMust(request, coach))
            {
                sharingMust++;
                if (full) sharingMustFull++;
            }

            var others = exclusions.Where(e => e != PairExclusion.NoFreePlace).ToList();
            if (others.Count == 0 && coach.FreePlaces > 0) allowedButFilled++;
            if (others.Count == 0 && capacity.Unchecked.Contains(coach.Key)) notChecked++;
            if (Suggest(request, coach, others, full, capacity) is { } suggestion) suggestions.Add(suggestion);
        }

        var total = coaches.Count;
        if (request.Must.Count > 0)
        {
            reasons.Add(sharingMust == 0
                ? $"None of the {Coaches(total)} share the 'must' characteristics ({string.Join("; ", request.Must.Order(StringComparer.Ordinal))})."
                : $"{Coaches(sharingMust)} {(sharingMust == 1 ? "shares" : "share")} the 'must' characteristics ({string.Join("; ", request.Must.Order(StringComparer.Ordinal))}), "
                  + (sharingMustFull == sharingMust ? $"{(sharingMust == 1 ? "and it is" : $"all {sharingMust} are")} full." : $"{sharingMustFull} of them full."));
        }

        AddCount(reasons, counts[PairExclusion.NoFreePlace], "had no free place before the round");
        if (request.Must.Count > 0) AddCount(reasons, counts[PairExclusion.MissingMustCharacteristic], "do not share every 'must' characteristic", "does not share every 'must' characteristic");
        AddCount(reasons, counts[PairExclusion.ConflictOfInterest], $"led or worked in the participant's authority ({request.AuthorityCode})");
        AddCount(reasons, counts[PairExclusion.AvoidedByParticipant], "are on the participant's avoid list", "is on the participant's avoid list");
        AddCount(reasons, counts[PairExclusion.ModeMismatch], $"do not offer {DescribeMode(request)}", $"does not offer {DescribeMode(request)}");
        AddCount(reasons, counts[PairExclusion.PreviousCoach], "coached the participant before");
        AddCount(reasons, counts[PairExclusion.ForbiddenByStaff], "were forbidden by staff for this participant", "was forbidden by staff for this participant");
        if (allowedButFilled > 0)
        {
            reasons.Add(allowedButFilled == 1
                ? "1 coach is allowed, but all their places went to other participants."
                : $"{allowedButFilled} coaches are allowed, but all their places went to other participants.");
        }
        else if (counts.Values.All(c => c == 0))
        {
            reasons.Add("No coach is allowed.");
        }

        var ordered = suggestions
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Coach, StringComparer.OrdinalIgnoreCase)
            .DistinctBy(s => s.Sentence)
            .ToList();
        if (ordered.Count == 0 && notChecked == 0)
        {
            reasons.Add("No single change would match them.");
        }
        else
        {
            reasons.AddRange(ordered.Take(MaxSuggestions).Select(s => $"Would match them: {s.Sentence}."));
            if (ordered.Count > MaxSuggestions) reasons.Add($"{ordered.Count - MaxSuggestions} more single changes would match them.");
        }

        if (notChecked > 0)
        {
            reasons.Add($"Whether one more place for {(notChecked == 1 ? "1 other coach who breaks no other rule" : $"{notChecked} other coaches who break no other rule")} would match them was not checked: the round is too large to re-run for each coach.");
        }

        return new UnmatchedParticipant(request.Key, reasons, ordered);
    }

    private static MatchSuggestion? Suggest(MatchRequest request, MatchCoach coach, List<PairExclusion> others, bool full, CapacityProbe capacity)
    {
        if (others.Count == 0)
        {
            return capacity.WouldMatch(coach.Key, request.Key) ? new MatchSuggestion(SuggestionKind.RaiseCapacity, coach.Key, $"raising {coach.Name}'s capacity by one") : null;
        }

        if (full || others.Count != 1) return null;
        return others[0] switch
        {
            PairExclusion.MissingMustCharacteristic => new MatchSuggestion(
                SuggestionKind.RelaxMust, coach.Key,
                $"asking for {string.Join("; ", request.Must.Where(c => !coach.Characteristics.Contains(c)).Order(StringComparer.Ordinal))} as 'would like' rather than 'must' ({coach.Name} could then coach them)"),
            PairExclusion.ModeMismatch when request.Mode == RequestedMode.InPerson && coach.OffersOnline => new MatchSuggestion(
                SuggestionKind.ChangeMode, coach.Key, $"accepting online coaching ({coach.Name} could then coach them)"),
            PairExclusion.ModeMismatch when request.Mode == RequestedMode.Online && coach.OffersInPerson && request.Region is not null && coach.Regions.Contains(request.Region) => new MatchSuggestion(
                SuggestionKind.ChangeMode, coach.Key, $"accepting in-person coaching ({coach.Name} could then coach them)"),
            PairExclusion.AvoidedByParticipant => new MatchSuggestion(
                SuggestionKind.RemoveAvoid, coach.Key, $"taking {coach.Name} off their avoid list"),
            PairExclusion.PreviousCoach => new MatchSuggestion(
                SuggestionKind.AllowPreviousCoach, coach.Key, $"staff allowing their previous coach, {coach.Name}"),
            PairExclusion.ForbiddenByStaff => new MatchSuggestion(
                SuggestionKind.LiftForbid, coach.Key, $"staff lifting the forbid on {coach.Name}"),
            _ => null,
        };
    }

    private static void AddCount(List<string> reasons, int count, string plural, string? singular = null)
    {
        if (count == 0) return;
        reasons.Add(count == 1 ? $"1 coach {singular ?? plural}." : $"{count} coaches {plural}.");
    }

    private static string Coaches(int n) => n == 1 ? "1 coach" : $"{n} coaches";

    private static string DescribeMode(MatchRequest request) => request.Mode switch
    {
        RequestedMode.Online => "online coaching",
        RequestedMode.InPerson => $"in-person coaching in {request.Region}",
        _ => $"online or in-person coaching in {request.Region}",
    };
}
