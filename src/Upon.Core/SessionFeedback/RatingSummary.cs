namespace Upon.Core.SessionFeedback;

/// <summary>The ratings given to one question or a group of questions: how many of each, and their mean.</summary>
/// <param name="Counts">How many gave each rating, from <see cref="FeedbackScale.Min"/> to <see cref="FeedbackScale.Max"/>.</param>
public sealed record RatingSummary(IReadOnlyList<int> Counts)
{
    /// <summary>The number of ratings.</summary>
    public int Count => Counts.Sum();

    /// <summary>The mean rating, or null when there are none.</summary>
    public double? Mean => Count == 0 ? null : Counts.Select((n, i) => (double)n * (i + FeedbackScale.Min)).Sum() / Count;

    /// <summary>Counts the ratings given; ratings off the scale are refused.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale.</exception>
    public static RatingSummary Of(IEnumerable<int> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var counts = new int[FeedbackScale.Max - FeedbackScale.Min + 1];
        foreach (var rating in ratings)
        {
            if (!FeedbackScale.IsValid(rating))
            {
                throw new ArgumentOutOfRangeException(nameof(ratings), rating, "A rating is off the scale.");
            }
            counts[rating - FeedbackScale.Min]++;
        }
        return new RatingSummary(counts);
    }
}
