namespace Upon.Core.Aspirants;

/// <summary>Where someone who accepted a place after the sets were published goes.</summary>
/// <param name="Set">The index of the set in the list given.</param>
/// <param name="KeepsRules">False when no set could take them within the rules, so they went to the smallest set and staff must look.</param>
public sealed record LatePlacement(int Set, bool KeepsRules);

/// <summary>
/// Places a late joiner in published action learning sets without re-forming them: the smallest set that still keeps
/// the rules with them in it (at most <see cref="LearningSets.MaxSize"/> members, no other member from their
/// authority); when none does, the smallest set all the same, for staff to adjust. Ties go to the earlier set.
/// </summary>
public static class LateJoiners
{
    /// <param name="sets">Each set's members' authority codes (null for another employer).</param>
    /// <param name="authorityCode">The joiner's authority code; null for another employer, who shares with nobody.</param>
    /// <returns>Null when there are no sets.</returns>
    public static LatePlacement? Place(IReadOnlyList<IReadOnlyList<string?>> sets, string? authorityCode)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0)
        {
            return null;
        }
        var bySize = Enumerable.Range(0, sets.Count).OrderBy(i => sets[i].Count).ThenBy(i => i).ToList();
        foreach (var i in bySize)
        {
            if (sets[i].Count < LearningSets.MaxSize && (authorityCode is null || !sets[i].Contains(authorityCode, StringComparer.Ordinal)))
            {
                return new LatePlacement(i, true);
            }
        }
        return new LatePlacement(bySize[0], false);
    }
}
