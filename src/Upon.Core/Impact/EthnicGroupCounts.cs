using Upon.Core.Disclosure;
using Upon.Core.Equality;

namespace Upon.Core.Impact;

/// <summary>
/// How many of a group of people who gave their ethnic group are in each of DfE's major groups. The groups add up to
/// those who answered (an answer in no major group is one more part, never published), so their shares are disclosed
/// together as a breakdown (<see cref="DisclosureRule.Breakdown"/>): a small group is suppressed, and the smallest
/// groups shown with it until the suppressed ones cannot be worked out from the shares shown and the number who
/// answered. The equality page and the DfE return disclose the same people's groups with it, so neither can give away
/// what the other hides.
/// </summary>
public sealed class EthnicGroupCounts
{
    private readonly int[] _parts;

    private EthnicGroupCounts(int[] parts) => _parts = parts;

    /// <summary>The counts of the people with these major groups (one entry a person who answered; any text outside <see cref="Ethnicity.MajorGroups"/> counts as no major group).</summary>
    public static EthnicGroupCounts Of(IEnumerable<string> majorGroups)
    {
        ArgumentNullException.ThrowIfNull(majorGroups);
        var parts = new int[Ethnicity.MajorGroups.Count + 1];
        foreach (var major in majorGroups)
        {
            var index = IndexOf(major);
            parts[index < 0 ? parts.Length - 1 : index]++;
        }
        return new EthnicGroupCounts(parts);
    }

    /// <summary>Those who answered: every part.</summary>
    public int Answered => _parts.Sum();

    /// <summary>How many are in <paramref name="majorGroup"/>.</summary>
    /// <exception cref="ArgumentException">It is not one of <see cref="Ethnicity.MajorGroups"/>.</exception>
    public int Count(string majorGroup) => _parts[Index(majorGroup)];

    /// <summary>The major groups in <see cref="Ethnicity.MajorGroups"/>' order, then the answers in none: they add up to <see cref="Answered"/>.</summary>
    public IReadOnlyList<int> Parts => _parts;

    /// <summary><paramref name="majorGroup"/>'s count as <paramref name="rule"/> lets it be published beside the other groups'.</summary>
    /// <exception cref="ArgumentException">It is not one of <see cref="Ethnicity.MajorGroups"/>.</exception>
    public Disclosed<int> Disclose(DisclosureRule rule, string majorGroup)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Breakdown(Answered, _parts).Parts[Index(majorGroup)];
    }

    /// <summary>The position of <paramref name="majorGroup"/> in <see cref="Parts"/>.</summary>
    /// <exception cref="ArgumentException">It is not one of <see cref="Ethnicity.MajorGroups"/>.</exception>
    public static int Index(string majorGroup) =>
        IndexOf(majorGroup) is var index and >= 0 ? index : throw new ArgumentException($"\"{majorGroup}\" is not one of DfE's major ethnic groups.", nameof(majorGroup));

    private static int IndexOf(string? majorGroup)
    {
        var groups = Ethnicity.MajorGroups;
        for (var i = 0; i < groups.Count; i++)
        {
            if (string.Equals(groups[i], majorGroup, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
