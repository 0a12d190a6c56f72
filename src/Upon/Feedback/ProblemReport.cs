using System.Globalization;
using NodaTime;
using Upon.Email;

namespace Upon.Feedback;

public enum ProblemStatus
{
    New,
    InProgress,
    Closed,
}

/// <summary>A problem someone reported through the public form, and its triage.</summary>
public sealed class ProblemReport
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 320;
    public const int MaxPageLength = 500;
    public const int MaxMessageLength = 5000;

    public int Id { get; set; }

    /// <summary>The reference given to the reporter, <c>UPN-000123</c>: set from the id in the transaction that stores the report.</summary>
    public string? Reference { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>The page it was about, as they gave it (a path such as <c>/register</c>, a web address, or nothing).</summary>
    public string? Page { get; set; }

    public string Message { get; set; } = "";

    public ProblemStatus Status { get; set; } = ProblemStatus.New;

    public Instant ReceivedAt { get; set; }

    public Instant UpdatedAt { get; set; }

    public List<ProblemReply> Replies { get; set; } = [];

    public static string ReferenceFor(int id) => $"UPN-{id.ToString("D6", CultureInfo.InvariantCulture)}";
}

/// <summary>A reply staff emailed to the reporter. Its email is the linked outbox message.</summary>
public sealed class ProblemReply
{
    public const int MaxBodyLength = 5000;

    public int Id { get; set; }

    public int ProblemReportId { get; set; }

    public string Body { get; set; } = "";

    /// <summary>Who sent it, as the audit log names them.</summary>
    public string SentBy { get; set; } = "";

    public string? SentByUserId { get; set; }

    public Instant SentAt { get; set; }

    public long? OutboxMessageId { get; set; }

    public OutboxMessage? OutboxMessage { get; set; }
}

public static class ProblemStatuses
{
    public static readonly IReadOnlyList<ProblemStatus> All = [ProblemStatus.New, ProblemStatus.InProgress, ProblemStatus.Closed];

    public static string Label(this ProblemStatus status) => status switch
    {
        ProblemStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    /// <summary>The value in addresses and forms: <c>new</c>, <c>in-progress</c>, <c>closed</c>.</summary>
    public static string Slug(this ProblemStatus status) => status switch
    {
        ProblemStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParseSlug(string? text, out ProblemStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Slug(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static string TagClass(this ProblemStatus status) => status switch
    {
        ProblemStatus.New => "govuk-tag govuk-tag--blue",
        ProblemStatus.InProgress => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--grey",
    };
}
