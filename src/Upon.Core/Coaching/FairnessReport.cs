namespace Upon.Core.Coaching;

/// <summary>How one characteristic fared in a round: who asked for it, how many were matched, how many wishes were met.</summary>
/// <param name="Characteristic">The characteristic's code.</param>
/// <param name="Asked">Participants who asked for it ("must" or "would like").</param>
/// <param name="Matched">Of those, how many were matched.</param>
/// <param name="MustAsked">Participants who asked for it as "must".</param>
/// <param name="MustMet">Of those, how many were matched with a coach who shares it.</param>
/// <param name="WouldLikeAsked">Participants who asked for it as "would like".</param>
/// <param name="WouldLikeMet">Of those, how many were matched with a coach who shares it.</param>
public sealed record CharacteristicFairness(string Characteristic, int Asked, int Matched, int MustAsked, int MustMet, int WouldLikeAsked, int WouldLikeMet);

/// <summary>A coach whose one more place would match more participants when the round is re-solved.</summary>
/// <param name="Coach">The coach's key (email address).</param>
/// <param name="Name">The coach's name.</param>
/// <param name="WouldMatch">How many more participants the re-solved round matches (at most 1: one place).</param>
public sealed record WideningCoach(string Coach, string Name, int WouldMatch);

/// <summary>
/// The fairness check of a round, for staff before publishing: the share matched overall and, by characteristic asked
/// for, the share matched and the shares of "must" and "would like" wishes met; and the coaches who would widen the
/// pool (one more place for them would match someone left unmatched).
/// </summary>
public sealed record FairnessReport(
    int Requests,
    int Matched,
    int MustAsked,
    int MustMet,
    int WouldLikeAsked,
    int WouldLikeMet,
    IReadOnlyList<CharacteristicFairness> ByCharacteristic,
    IReadOnlyList<WideningCoach> WideningCoaches)
{
    /// <summary>
    /// The fairness check of <paramref name="result"/>, the optimum of <paramref name="problem"/>; the widening coaches
    /// come from <see cref="MatchingResult.Capacity"/>, or from re-solving the round when it is null.
    /// </summary>
    public static FairnessReport Of(MatchingProblem problem, MatchingResult result)
    {
        var coaches = problem.Coaches.GroupBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var coachOf = result.Pairs.ToDictionary(p => p.Participant, p => coaches[p.Coach], StringComparer.OrdinalIgnoreCase);
        var asked = problem.Requests.SelectMany(r => r.Must.Concat(r.WouldLike)).Distinct(StringComparer.Ordinal)
            .OrderBy(c => Characteristics.Standard.ToList().IndexOf(c) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c, StringComparer.Ordinal);

        var rows = asked.Select(c =>
        {
            var askers = problem.Requests.Where(r => r.Must.Contains(c) || r.WouldLike.Contains(c)).ToList();
            var must = askers.Where(r => r.Must.Contains(c)).ToList();
            var wish = askers.Where(r => r.WouldLike.Contains(c)).ToList();
            return new CharacteristicFairness(
                c,
                askers.Count,
                askers.Count(r => coachOf.ContainsKey(r.Key)),
                must.Count,
                must.Count(r => Shares(r, c)),
                wish.Count,
                wish.Count(r => Shares(r, c)));
        }).ToList();

        var capacity = result.Capacity ?? CoachMatcher.ProbeCapacity(problem, result.Unmatched.Select(u => u.Participant));
        var widening = capacity.Raised.Values
            .Where(r => capacity.ExtraMatched(r.Coach) > 0)
            .Select(r => new WideningCoach(coaches[r.Coach].Key, coaches[r.Coach].Name, capacity.ExtraMatched(r.Coach)))
            .OrderByDescending(w => w.WouldMatch).ThenBy(w => w.Coach, StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new FairnessReport(
            problem.Requests.Count,
            result.Matched,
            problem.Requests.Sum(r => r.Must.Count),
            problem.Requests.Sum(r => r.Must.Count(c => Shares(r, c))),
            problem.Requests.Sum(r => r.WouldLike.Count),
            problem.Requests.Sum(r => r.WouldLike.Count(c => Shares(r, c))),
            rows,
            widening);

        bool Shares(MatchRequest r, string c) => coachOf.TryGetValue(r.Key, out var coach) && coach.Characteristics.Contains(c);
    }

    /// <summary>A share as a whole percentage, or null when nobody was asked.</summary>
    public static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
}
