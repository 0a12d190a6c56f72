using Upon.Core.Disclosure;

namespace Upon.Core.Impact;

/// <summary>
/// The retention evaluations as of every financial quarter end from the first after <c>NewDirectors:InvitingSince</c>
/// up to an as-of day (oldest first), with the first-time tenures started by each: what it takes to publish the last as
/// the funder gets it (<see cref="RetentionDisclosure.DiscloseEachQuarter"/>), so that the retention page and the DfE
/// return's retention rows show and suppress the same figures.
/// </summary>
public sealed class RetentionSeries
{
    private readonly IReadOnlyList<RetentionEvaluationResult> _quarterEnds;
    private readonly IReadOnlyList<int> _started;
    private readonly Dictionary<int, DisclosedRetentionFigures> _byThreshold = [];

    /// <param name="quarterEnds">The evaluations, oldest first, at least one.</param>
    /// <param name="startedTenures">For each, the first-time tenures started (<see cref="RetentionPopulation.StartedBeforeLandmark"/>).</param>
    public RetentionSeries(IReadOnlyList<RetentionEvaluationResult> quarterEnds, IReadOnlyList<int> startedTenures)
    {
        ArgumentNullException.ThrowIfNull(quarterEnds);
        ArgumentNullException.ThrowIfNull(startedTenures);
        if (quarterEnds.Count == 0 || startedTenures.Count != quarterEnds.Count)
        {
            throw new ArgumentException("Give an evaluation and a count of started tenures for every quarter end, at least one.", nameof(quarterEnds));
        }
        _quarterEnds = quarterEnds;
        _started = startedTenures;
    }

    /// <summary>The evaluation as of the last day.</summary>
    public RetentionEvaluationResult Last => _quarterEnds[^1];

    /// <summary>The last evaluation as <paramref name="rule"/> lets it be published: exact under a rule that suppresses nothing.</summary>
    public DisclosedRetentionFigures Disclose(DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!_byThreshold.TryGetValue(rule.Threshold, out var disclosed))
        {
            _byThreshold[rule.Threshold] = disclosed = rule.SuppressesAnything
                ? RetentionDisclosure.DiscloseOverQuarters(_quarterEnds, _started, rule)
                : RetentionDisclosure.Disclose(Last, rule);
        }
        return disclosed;
    }

    /// <summary>The participants' survival at 12, 24 or 36 months as <paramref name="rule"/> lets it be published.</summary>
    public Disclosed<double?> ParticipantsSurvival(int months, DisclosureRule rule)
    {
        var participants = Disclose(rule).Groups.Single(g => g.Group == RetentionGroup.Participants);
        return months switch
        {
            12 => participants.Survival12,
            24 => participants.Survival24,
            36 => participants.Survival36,
            _ => throw new ArgumentOutOfRangeException(nameof(months), months, "Survival is published at 12, 24 and 36 months."),
        };
    }
}
