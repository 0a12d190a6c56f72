using Upon.Core.Disclosure;

namespace Upon.Core.SessionFeedback;

/// <summary>
/// Which feedback results may be shown. Feedback is anonymous, so a result over a handful of answers could point to who
/// gave it: results of a group (a session, a strand's year, a month) are shown only once it has at least the
/// small-number threshold of answers, to staff as to the funder. The funder also gets the count of answers suppressed
/// when small.
/// </summary>
public static class FeedbackDisclosure
{
    /// <summary>Whether results over <paramref name="answers"/> answers may be shown: zero shows nothing, below the threshold is withheld.</summary>
    public static bool ResultsShown(DisclosureRule rule, int answers)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return answers >= rule.Threshold;
    }

    /// <summary>
    /// A mean rating given in <paramref name="answers"/> responses: suppressed unless <see cref="ResultsShown"/>. Count only the
    /// responses that gave a rating the mean is over: every question is optional, so a group's responses may hold fewer ratings.
    /// </summary>
    public static Disclosed<double?> Mean(DisclosureRule rule, double? mean, int answers) =>
        ResultsShown(rule, answers) ? Disclosed.Shown(mean) : Disclosed.Suppressed<double?>();
}
