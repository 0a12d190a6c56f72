namespace Upon.Core.Coaching;

/// <summary>
/// The rules of an allowed pair. A pair is allowed when none of the <see cref="PairExclusion"/>s apply: the coach has a
/// free place, shares every "must" characteristic, never led or worked in the participant's authority, is not on the
/// participant's avoid list, offers the mode asked for (in person only in the participant's region), and did not coach
/// them before unless staff allow it; staff may also forbid a pair in a round.
/// </summary>
public static class PairRules
{
    /// <summary>Every rule that excludes the pair, in the order of <see cref="PairExclusion"/>; empty when it is allowed.</summary>
    public static IReadOnlyList<PairExclusion> Exclusions(MatchRequest request, MatchCoach coach, bool forbidden = false)
    {
        var found = new List<PairExclusion>();
        if (coach.FreePlaces <= 0) found.Add(PairExclusion.NoFreePlace);
        if (!SharesEveryMust(request, coach)) found.Add(PairExclusion.MissingMustCharacteristic);
        if (IsConflict(request, coach)) found.Add(PairExclusion.ConflictOfInterest);
        if (request.Avoid.Contains(coach.Key)) found.Add(PairExclusion.AvoidedByParticipant);
        if (!ModesMeet(request, coach)) found.Add(PairExclusion.ModeMismatch);
        if (!request.PreviousCoachAllowed && request.PreviousCoaches.Contains(coach.Key)) found.Add(PairExclusion.PreviousCoach);
        if (forbidden) found.Add(PairExclusion.ForbiddenByStaff);
        return found;
    }

    /// <summary>Whether the pair is allowed (no rule excludes it).</summary>
    public static bool IsAllowed(MatchRequest request, MatchCoach coach, bool forbidden = false) =>
        !forbidden && coach.FreePlaces > 0 && SharesEveryMust(request, coach) && !IsConflict(request, coach)
        && !request.Avoid.Contains(coach.Key) && ModesMeet(request, coach)
        && (request.PreviousCoachAllowed || !request.PreviousCoaches.Contains(coach.Key));

    /// <summary>Whether the coach consents to every characteristic the participant asked for as "must".</summary>
    public static bool SharesEveryMust(MatchRequest request, MatchCoach coach) =>
        request.Must.All(coach.Characteristics.Contains);

    /// <summary>Whether the coach led or worked in the participant's authority (never when the participant has none).</summary>
    public static bool IsConflict(MatchRequest request, MatchCoach coach) =>
        !string.IsNullOrEmpty(request.AuthorityCode) && coach.ConflictAuthorities.Contains(request.AuthorityCode);

    /// <summary>
    /// <c>online</c> needs a coach offering online; <c>in-person</c> a coach offering in person in the participant's
    /// region; <c>either</c> one or the other.
    /// </summary>
    public static bool ModesMeet(MatchRequest request, MatchCoach coach) => request.Mode switch
    {
        RequestedMode.Online => coach.OffersOnline,
        RequestedMode.InPerson => InPersonInRegion(request, coach),
        _ => coach.OffersOnline || InPersonInRegion(request, coach),
    };

    private static bool InPersonInRegion(MatchRequest request, MatchCoach coach) =>
        coach.OffersInPerson && request.Region is not null && coach.Regions.Contains(request.Region);

    /// <summary>A sentence for staff naming the broken rule.</summary>
    public static string Describe(PairExclusion exclusion) => exclusion switch
    {
        PairExclusion.NoFreePlace => "the coach has no free place",
        PairExclusion.MissingMustCharacteristic => "the coach does not share every 'must' characteristic",
        PairExclusion.ConflictOfInterest => "the coach led or worked in the participant's authority",
        PairExclusion.AvoidedByParticipant => "the participant asked not to have this coach",
        PairExclusion.ModeMismatch => "the coach does not offer the mode asked for",
        PairExclusion.PreviousCoach => "the coach coached the participant before",
        _ => "staff forbade this pair",
    };
}
