namespace Upon.Core.Impact;

/// <summary>The two groups the retention evaluation compares.</summary>
public enum RetentionGroup
{
    /// <summary>Accepted the New Directors invitation, or enrolled, 0 to 89 days after the tenure started.</summary>
    Participants,

    /// <summary>The rest of the population.</summary>
    Comparison,
}

/// <summary>The two kinds of first appointment the evaluation is split by.</summary>
public enum RetentionType
{
    /// <summary>The tenure's first appointment was permanent.</summary>
    Permanent,

    /// <summary>The tenure's first appointment was interim or acting.</summary>
    Interim,
}

/// <summary>The names the JSON and the pages use for groups and types.</summary>
public static class RetentionNames
{
    /// <summary>"participants" or "comparison".</summary>
    public static string Of(RetentionGroup group) => group == RetentionGroup.Participants ? "participants" : "comparison";

    /// <summary>"permanent" or "interim".</summary>
    public static string Of(RetentionType type) => type == RetentionType.Permanent ? "permanent" : "interim";
}
