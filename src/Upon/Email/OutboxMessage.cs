using NodaTime;

namespace Upon.Email;

/// <summary>
/// An email waiting to be sent, or sent. It is written in the same transaction as the change that caused it, and the
/// <see cref="OutboxSender"/> sends it afterwards: a rolled-back change sends nothing, and a committed one is never lost.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>One address, or several separated by commas.</summary>
    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>
    /// Whether the email invites a reply (an invitation, a reply to a problem report): only then does it carry the
    /// programme team's <c>Email:ReplyTo</c>. Other emails are from the no-reply sender alone.
    /// </summary>
    public bool InvitesReply { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>Not to be tried before this: the creation time, then later after each failure.</summary>
    public Instant NextAttemptAt { get; set; }

    /// <summary>While in the future, the sender named in <see cref="ClaimedBy"/> has the message.</summary>
    public Instant? LockedUntil { get; set; }

    /// <summary>The claim that last took the message (sender instance and batch).</summary>
    public string? ClaimedBy { get; set; }

    public int Attempts { get; set; }

    public Instant? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed (kept after a later success, for the record).</summary>
    public string? LastError { get; set; }

    public Instant? SentAt { get; set; }

    public List<OutboxAttachment> Attachments { get; set; } = [];
}

public sealed class OutboxAttachment
{
    public long Id { get; set; }

    public long OutboxMessageId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public byte[] Content { get; set; } = [];
}
