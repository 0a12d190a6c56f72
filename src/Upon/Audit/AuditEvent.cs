using NodaTime;

namespace Upon.Audit;

/// <summary>
/// One line of the append-only audit log: a change to a record (with the fields changed, old and new values, secrets
/// left out), a view of special-category data, a sign-in, a failed sign-in or a denied request.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public Instant At { get; set; }
    public string? UserId { get; set; }

    /// <summary>Who acted, as shown to administrators: an email, or "command line (user)" or "system".</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>The fields changed as JSON: <c>{"EndDate":{"old":null,"new":"2024-03-31"}}</c>.</summary>
    public string? Changes { get; set; }

    public string? Detail { get; set; }

    /// <summary>
    /// When a person's data in this entry was overwritten by an erasure (their values, name and address replaced with a
    /// pseudonym). The database allows an update only when it sets this, and never a deletion.
    /// </summary>
    public Instant? ShreddedAt { get; set; }
}

/// <summary>The kinds of audit event.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Viewed = "viewed";
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignedOut = "signed-out";
    public const string AccessDenied = "access-denied";

    /// <summary>A person's data erased (on request or by the retention run): the fields, never their values.</summary>
    public const string Erased = "erased";

    /// <summary>A copy of everything Upon holds about a person was made (a subject access response).</summary>
    public const string Exported = "exported";

    /// <summary>The retention run: what was due (before) and what it did (after).</summary>
    public const string RetentionRun = "retention-run";

    public static readonly IReadOnlyList<string> All = [Created, Updated, Deleted, Viewed, SignedIn, SignInFailed, SignedOut, AccessDenied, Erased, Exported, RetentionRun];
}
