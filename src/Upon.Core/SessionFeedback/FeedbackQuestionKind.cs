namespace Upon.Core.SessionFeedback;

/// <summary>How a feedback question is answered.</summary>
public enum FeedbackQuestionKind
{
    /// <summary>A rating from 1 (not at all) to 5 (very), as <see cref="FeedbackScale"/> describes.</summary>
    Scale,

    /// <summary>Free text, read by staff only.</summary>
    Text,
}

/// <summary>The level of Kirkpatrick's model of training evaluation that a question asks about.</summary>
public enum KirkpatrickLevel
{
    /// <summary>Level 1, reaction: how useful and relevant the session was to the person.</summary>
    Reaction,

    /// <summary>Level 2, learning: what they learnt, and what they intend to do differently because of it.</summary>
    Learning,
}

/// <summary>The rating scale of <see cref="FeedbackQuestionKind.Scale"/> questions.</summary>
public static class FeedbackScale
{
    /// <summary>The lowest rating.</summary>
    public const int Min = 1;

    /// <summary>The highest rating.</summary>
    public const int Max = 5;

    /// <summary>The words for each rating, lowest first, as the form shows them.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["Not at all", "A little", "Moderately", "Very", "Extremely"];

    /// <summary>The words for a rating from <see cref="Min"/> to <see cref="Max"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside the scale.</exception>
    public static string Label(int rating)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, Max);
        return Labels[rating - Min];
    }

    /// <summary>Whether <paramref name="rating"/> is on the scale.</summary>
    public static bool IsValid(int rating) => rating is >= Min and <= Max;

    /// <summary>The code of a level in files and JSON: <c>reaction</c>, <c>learning</c>.</summary>
    public static string Code(this KirkpatrickLevel level) => level switch
    {
        KirkpatrickLevel.Reaction => "reaction",
        KirkpatrickLevel.Learning => "learning",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The level as people read it: "Reaction (level 1)".</summary>
    public static string DisplayName(this KirkpatrickLevel level) => level switch
    {
        KirkpatrickLevel.Reaction => "Reaction (level 1)",
        KirkpatrickLevel.Learning => "Learning (level 2)",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
